import type { CatalogOf } from '../../catalog';
import type en from '../en/people';

export default {
  metaTitle: 'Personas de esta cuenta',
  title: 'Personas de esta cuenta',
  lead: 'Cada persona que usa una línea de esta cuenta puede crear su propia llave de acceso y ver los datos expuestos de la cuenta. Solo tú, como titular de la cuenta, puedes cambiar el PIN de la cuenta y administrar a las personas de esta página.',
  heading: '{{role}}, línea {{line}}',
  headingYou: '{{role}}, línea {{line}} (tú)',
  passkeys: 'Llaves de acceso',
  noPasskeys: 'Ninguna creada',
  lastSignIn: 'Último inicio de sesión',
  access: 'Acceso',
  removedOn: 'Quitado el {{date}}',
  remove: 'Quitar el acceso',
  restore: 'Devolver el acceso',
  restored: 'Se devolvió el acceso: puede volver a crear una llave de acceso con un código enviado a su línea.',
  removed:
    'Se quitó el acceso. Sesiones cerradas: {{sessions}}. Llaves de acceso quitadas: {{passkeys}}. Le enviamos un mensaje a su línea.',
} satisfies CatalogOf<typeof en>;
