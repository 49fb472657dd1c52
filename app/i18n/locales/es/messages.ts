import type { CatalogOf } from '../../catalog';
import type en from '../en/messages';

export default {
  accountNotFound: 'No encontramos esa cuenta.',
  tooManyAttempts: 'Demasiados intentos. Inténtalo de nuevo en {{wait}}.',
  signInAgain: 'Vuelve a iniciar sesión.',
  confirmFirst: 'Primero confirma que eres tú con una llave de acceso.',
  form: {
    notAForm: 'No pudimos leer ese formulario. Vuelve a cargar la página e inténtalo de nuevo.',
    invalidField: 'Revisa este campo e inténtalo de nuevo.',
  },
  field: {
    accountNumber: {
      required: 'Escribe tu número de cuenta',
      format: 'Los números de cuenta tienen 9 dígitos, como aparecen en tu factura',
    },
    phone: { required: 'Escribe un número de teléfono de la cuenta', format: 'Escribe un número de EE. UU., como (206) 555-0101' },
    code: { required: 'Escribe el código de 6 dígitos', format: 'El código tiene 6 dígitos' },
  },
  code: {
    wrong: 'Ese código no es correcto, o venció o fue reemplazado. Revisa el último mensaje que te enviamos, o pide un código nuevo.',
    paused:
      'Hoy se escribieron demasiados códigos incorrectos para esta cuenta, así que la verificación de códigos está pausada por {{wait}}. Si ya tienes una llave de acceso, inicia sesión con ella; si no, llama al 611.',
  },
  enroll: {
    expired: 'La verificación de tu código venció. Empieza de nuevo.',
    accessRemoved: 'El titular de la cuenta quitó tu acceso a esta cuenta. Pídele que te lo devuelva.',
    codeUsed: 'Ese código ya se usó para crear una llave de acceso. Inicia sesión con ella, o empieza de nuevo.',
  },
  passkey: {
    unknown: 'No reconocemos esa llave de acceso; puede que la hayan quitado. Puedes crear una nueva con un código.',
    notVerified: 'Tu dispositivo no confirmó que eras tú (huella, cara o bloqueo de pantalla). Inténtalo de nuevo.',
    copied:
      'Esa llave de acceso respondió como una copia de otra que ya vimos, así que no la aceptamos. Prueba con otra llave de acceso o llama al 611.',
    alreadySetUp: 'Esa llave de acceso ya está creada.',
    expired: 'La solicitud venció o ya se usó. Inténtalo de nuevo.',
    failed: 'No pudimos verificar esa llave de acceso. Inténtalo de nuevo.',
  },
  json: {
    notJson: 'Se esperaba un cuerpo JSON.',
    tooLarge: 'La solicitud era demasiado grande.',
    invalid: 'La solicitud no era un JSON válido.',
    unexpected: 'La respuesta de la llave de acceso no tenía la forma esperada. Inténtalo de nuevo.',
  },
  refusal: {
    'change-pin':
      'Solo el titular de la cuenta puede cambiar el PIN de la cuenta. Puedes pedírselo: elige “Pedírselo al titular de la cuenta”.',
    'protect-account': 'Solo el titular de la cuenta o un usuario autorizado pueden activar la protección de toda la cuenta.',
    'protect-any-line': 'Solo puedes activar la protección de tu propia línea.',
    'remove-protection': 'Solo el titular de la cuenta puede desactivar una protección.',
    'manage-people': 'Solo el titular de la cuenta puede ver y administrar a las personas de esta cuenta.',
    'print-statement':
      'La constancia de exposición es para el titular de la cuenta y los usuarios autorizados. Pídele una copia al titular de la cuenta.',
  },
  protection: {
    notOnAccount: 'Esa línea no es de tu cuenta.',
    unavailable:
      'Ahora no se pueden cambiar las cerraduras aquí: el sistema de aprovisionamiento de la compañía no está configurado. Llama al 611 desde tu teléfono.',
    newPasskey:
      'Se creó una llave de acceso para tu inicio de sesión en las últimas 24 horas. Por tu seguridad, podrás desactivar una cerradura un día después. Si lo necesitas antes, llama al 611 desde tu teléfono.',
  },
  people: {
    notOnAccount: 'Esa persona no es de tu cuenta.',
    notYourself: 'No puedes quitar tu propio acceso. Si quieres, quita tus llaves de acceso en Tus llaves de acceso.',
    youAreHolder: 'Eres el titular de la cuenta: puedes cambiar el PIN directamente.',
  },
  staff: {
    disabled: 'Se desactivó tu acceso como personal. Habla con un administrador si crees que es un error.',
    inviteGone: 'Este enlace de inscripción venció o ya se usó. Pide uno nuevo a un administrador.',
  },
} satisfies CatalogOf<typeof en>;
