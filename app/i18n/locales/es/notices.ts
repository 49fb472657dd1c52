import type { CatalogOf } from '../../catalog';
import type en from '../en/notices';

export default {
  code: {
    subject: 'Tu código de revisión de filtraciones',
    body: 'Tu código de revisión de filtraciones es {{code}}. Vence en 10 minutos. Nunca te llamaremos ni te enviaremos mensajes para pedírtelo.',
  },
  agentCode: {
    subject: 'Tu código para restablecer el PIN',
    body: 'Un agente de atención al cliente empezó, a tu pedido, el restablecimiento del PIN de la cuenta. Tu código es {{code}}. Vence en 10 minutos. Abre tú el portal de revisión de filtraciones (no uses enlaces de mensajes), elige “Crear una llave de acceso” y luego “Tengo un código de un agente”. Tu PIN nuevo entra en vigor 24 horas después de que lo elijas. Nunca te llamaremos ni te enviaremos mensajes para pedirte este código. Si no lo pediste, llama al 611 desde tu teléfono.',
  },
  codesPaused: {
    subject: 'Pausamos la verificación de códigos de tu cuenta',
    body: 'Hoy se escribieron demasiados códigos de un solo uso incorrectos para tu cuenta de revisión de filtraciones, así que pausamos la verificación de códigos por un día. Tus llaves de acceso siguen funcionando. Si no fuiste tú, puede que alguien esté intentando entrar en tu cuenta: llama al 611 desde tu teléfono.',
  },
  passkeyAdded: {
    subject: 'Se agregó una llave de acceso a tu cuenta',
    body: 'Se agregó una llave de acceso nueva para iniciar sesión en tu cuenta de revisión de filtraciones. Si no fuiste tú, llama al 611 desde tu teléfono.',
    byCode:
      'Se creó una llave de acceso nueva con un código de un solo uso para tu cuenta de revisión de filtraciones. Tus llaves de acceso anteriores siguen funcionando. Si no fuiste tú, llama al 611 desde tu teléfono ahora mismo.',
  },
  passkeyRemoved: {
    subject: 'Se quitó una llave de acceso de tu cuenta',
    body: 'Se quitó una llave de acceso de tu cuenta de revisión de filtraciones. Si no fuiste tú, llama al 611 desde tu teléfono.',
  },
  accessRemoved: {
    subject: 'Se quitó tu acceso al portal de revisión de filtraciones',
    body: 'El titular de la cuenta quitó tu acceso al portal de revisión de filtraciones para la cuenta que termina en {{accountEnding}}. Tus llaves de acceso para esa cuenta ya no funcionan. Si crees que es un error, habla con el titular de la cuenta.',
  },
  askHolder: {
    subject: 'Alguien de tu cuenta te pidió que cambies el PIN de la cuenta',
    authorized:
      'El usuario autorizado de la línea que termina en {{lineEnding}} de tu cuenta te pidió que cambies el PIN de la cuenta en el portal de revisión de filtraciones. Abre tú el portal (escribe su dirección: nunca enviamos enlaces) y elige Cambiar el PIN. Si no sabes quién lo pidió, llama al 611 desde tu teléfono.',
    line: 'El usuario de la línea que termina en {{lineEnding}} de tu cuenta te pidió que cambies el PIN de la cuenta en el portal de revisión de filtraciones. Abre tú el portal (escribe su dirección: nunca enviamos enlaces) y elige Cambiar el PIN. Si no sabes quién lo pidió, llama al 611 desde tu teléfono.',
  },
  pinChanged: {
    subject: 'Se cambió el PIN de la cuenta',
    body: 'El PIN de la cuenta se cambió el {{at}}. Si no fuiste tú, llama al 611 desde tu teléfono.',
  },
  pinSet: {
    subject: 'Se creó un PIN de la cuenta',
    body: 'Se creó un PIN de la cuenta para tu cuenta el {{at}}. Si no fuiste tú, llama al 611 desde tu teléfono.',
  },
  resetRequested: {
    subject: 'Se pidió restablecer el PIN de la cuenta',
    body: 'Se pidió restablecer el PIN de la cuenta el {{at}}. El PIN nuevo entra en vigor el {{effectiveAt}}, a menos que se cancele antes. Si no fuiste tú, llama al 611 desde tu teléfono ahora mismo, o cancélalo en el portal de revisión de filtraciones.',
  },
  resetCancelled: {
    subject: 'Se canceló el restablecimiento del PIN de la cuenta',
    byPortal:
      'El restablecimiento del PIN de la cuenta pedido el {{requestedAt}} se canceló en el portal de revisión de filtraciones. Tu PIN no cambió. Si no lo pediste, llama al 611 desde tu teléfono.',
    byAgent:
      'Un agente de atención al cliente canceló el restablecimiento del PIN de la cuenta pedido el {{requestedAt}}. Tu PIN no cambió. Si no lo pediste, llama al 611 desde tu teléfono.',
  },
  resetApplied: {
    subject: 'Se cambió el PIN de la cuenta',
    body: 'El PIN de la cuenta se cambió el {{at}}: entró en vigor el restablecimiento pedido el {{requestedAt}}. Si no fuiste tú, llama al 611 desde tu teléfono.',
  },
} satisfies CatalogOf<typeof en>;
