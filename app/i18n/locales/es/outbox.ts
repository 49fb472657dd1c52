import type { CatalogOf } from '../../catalog';
import type en from '../en/outbox';

export default {
  metaTitle: 'Bandeja de salida',
  title: 'Mensajes que envió el portal',
  lead: 'Solo en modo de demostración: cada correo y mensaje de texto, del más reciente al más antiguo (los últimos {{shown}}). En producción esta página no existe y los mensajes llegan a los contactos registrados.',
  none: 'Todavía no hay mensajes.',
  time: 'Hora',
  channel: 'Medio',
  recipient: 'Destinatario',
  status: 'Estado',
  attempts: 'Intentos',
  lastError: 'Último error',
  subject: 'Asunto',
  body: 'Mensaje',
  sms: 'Mensaje de texto',
  email: 'Correo electrónico',
  statuses: { pending: 'en espera', sent: 'enviado', failed: 'falló', expired: 'vencido' },
} satisfies CatalogOf<typeof en>;
