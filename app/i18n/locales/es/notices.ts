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
  incidentNotice: {
    subject: 'Aviso de violación de datos',
    textSubject: 'Verificación de filtraciones',
    heading: 'Aviso de violación de datos',
    whatHappened: 'Qué ocurrió',
    whatInvolved: 'Qué información estuvo involucrada',
    whatWeAreDoing: 'Qué estamos haciendo',
    whatYouCanDo: 'Qué puedes hacer',
    moreInformation: 'Para más información',
    happened:
      '{{summary}} {{whatHappened}} Nuestros registros muestran que tu cuenta que termina en {{accountEnding}} estuvo en este incidente.',
    exposed: 'En tu cuenta, quedaron expuestos estos datos:',
    notExposed: 'En tu cuenta, estos datos formaban parte del incidente pero NO quedaron expuestos: {{fields}}.',
    nothingElse: 'En tu cuenta quedaron expuestos todos los datos a los que este incidente podía llegar.',
    never: 'Nunca quedaron expuestos en ningún incidente: {{fields}}.',
    doing:
      'Cerramos el acceso que se usó, y nuestro portal de verificación de filtraciones muestra ahora, para tu propia cuenta, exactamente qué datos quedaron expuestos y cuáles no. También te permite cambiar el PIN de la cuenta y proteger tu número contra la portabilidad y el cambio de SIM no autorizados en la misma visita.',
    doPin:
      'Cambia el PIN de la cuenta. Con los datos de arriba, alguien podría hacerse pasar por ti para llevarse tu número; un PIN nuevo lo impide.',
    doPortOut:
      'Activa la protección contra portabilidad y la protección de la SIM de tus líneas, para que nadie pueda pasar tu número a otra compañía ni a una SIM nueva.',
    doWatch:
      'Desconfía de las llamadas, los mensajes y los correos que mencionen tu cuenta: nunca te pediremos el PIN ni un código, y nunca enviamos enlaces.',
    more: 'Abre tu navegador y escribe tú la dirección del portal de verificación de filtraciones: está impresa en tu factura. O llama al 611 desde tu teléfono. Este mensaje no contiene enlaces y nunca te enviaremos uno.',
    text: 'Verificación de filtraciones: tu cuenta que termina en {{accountEnding}} estuvo en el incidente {{incident}}. Expuestos: {{exposed}}. No expuestos: {{notExposed}}. Cambia el PIN de la cuenta y activa la protección contra portabilidad: escribe la dirección del portal que aparece en tu factura o llama al 611. Nunca enviamos enlaces.',
    none: 'ninguno',
  },
  protectionChanged: {
    subject: 'Cambió una cerradura de tu cuenta',
    portOutOnLine:
      'La protección contra portabilidad ya está activada en la línea que termina en {{lineEnding}}: nadie puede pasar el número a otra compañía hasta que el titular de la cuenta la desactive. Si no fuiste tú, llama al 611 desde tu teléfono.',
    portOutOffLine:
      'Se desactivó la protección contra portabilidad en la línea que termina en {{lineEnding}}: el número se puede pasar otra vez a otra compañía. Si no fuiste tú, llama al 611 desde tu teléfono ahora.',
    simOnLine:
      'La protección de la SIM ya está activada en la línea que termina en {{lineEnding}}: nadie puede pasar el número a una SIM nueva hasta que el titular de la cuenta la desactive. Si no fuiste tú, llama al 611 desde tu teléfono.',
    simOffLine:
      'Se desactivó la protección de la SIM en la línea que termina en {{lineEnding}}: el número se puede pasar otra vez a una SIM nueva. Si no fuiste tú, llama al 611 desde tu teléfono ahora.',
    portOutOnAccount:
      'La protección contra portabilidad ya está activada en todas las líneas de tu cuenta, también en la que termina en {{lineEnding}}. Si no fuiste tú, llama al 611 desde tu teléfono.',
    portOutOffAccount:
      'Se desactivó la protección contra portabilidad de toda la cuenta, también de la línea que termina en {{lineEnding}}. Si no fuiste tú, llama al 611 desde tu teléfono ahora.',
    simOnAccount:
      'La protección de la SIM ya está activada en todas las líneas de tu cuenta, también en la que termina en {{lineEnding}}. Si no fuiste tú, llama al 611 desde tu teléfono.',
    simOffAccount:
      'Se desactivó la protección de la SIM de toda la cuenta, también de la línea que termina en {{lineEnding}}. Si no fuiste tú, llama al 611 desde tu teléfono ahora.',
  },
  protectionFailed: {
    subject: 'No se pudo cambiar una cerradura de tu cuenta',
    portOutOn:
      'No pudimos activar la protección contra portabilidad de tu cuenta: los sistemas de la compañía no la confirmaron después de varios intentos. No está activada. Vuelve a intentarlo en el portal de verificación o llama al 611 desde tu teléfono.',
    portOutOff:
      'No pudimos desactivar la protección contra portabilidad de tu cuenta: los sistemas de la compañía no lo confirmaron. Sigue activada. Vuelve a intentarlo en el portal de verificación o llama al 611 desde tu teléfono.',
    simOn:
      'No pudimos activar la protección de la SIM de tu cuenta: los sistemas de la compañía no la confirmaron después de varios intentos. No está activada. Vuelve a intentarlo en el portal de verificación o llama al 611 desde tu teléfono.',
    simOff:
      'No pudimos desactivar la protección de la SIM de tu cuenta: los sistemas de la compañía no lo confirmaron. Sigue activada. Vuelve a intentarlo en el portal de verificación o llama al 611 desde tu teléfono.',
  },
} satisfies CatalogOf<typeof en>;
