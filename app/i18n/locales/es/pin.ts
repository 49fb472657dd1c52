import type { CatalogOf } from '../../catalog';
import type en from '../en/pin';

export default {
  metaTitle: 'Cambia el PIN de la cuenta',
  title: 'Cambia el PIN de la cuenta',
  cancelled: 'Se canceló el restablecimiento del PIN. El PIN de la cuenta no cambió.',
  why: {
    title: 'Por qué ahora',
    text: 'El PIN de la cuenta es lo que pedimos antes de pasar tu número a una SIM nueva o a otra compañía, por teléfono o en una tienda.',
    kit: 'Los datos expuestos de tu cuenta son justo los que usaría un estafador para intentarlo, así que el PIN es la cerradura que lo detiene.',
    none: 'Tu cuenta no estuvo en ninguno de los incidentes. Un PIN que nadie pueda adivinar la mantiene así.',
  },
  step: { one: 'Paso 1 de 2', two: 'Paso 2 de 2' },
  confirm: {
    title: 'Confirma que eres tú',
    confirmed: 'Confirmado',
    fresh: 'Verificaste tu llave de acceso en los últimos 5 minutos.',
    intro:
      'Antes de elegir un PIN nuevo, confirma con tu llave de acceso. Toma un segundo y evita que otra persona frente a esta pantalla lo cambie.',
    button: 'Confirmar que soy yo',
  },
  choose: {
    title: 'Elige un PIN nuevo',
    firstTitle: 'Elige el PIN de la cuenta',
    firstIntro: 'Tu cuenta todavía no tiene PIN: el que elijas entra en vigor de inmediato.',
    submit: 'Cambiar el PIN',
    forgot: 'No sé mi PIN actual',
  },
  reset: {
    title: 'Elige un PIN nuevo sin el actual',
    intro:
      'Tu PIN nuevo entra en vigor <strong>24 horas</strong> después de que lo elijas. Avisamos de inmediato a tu teléfono y a tu correo registrados, así que si otra persona empezó esto, puedes detenerlo. Mientras tanto, tu PIN actual sigue funcionando.',
    submit: 'Empezar el restablecimiento de 24 horas',
    remember: 'Sí recuerdo mi PIN actual',
  },
  form: {
    mustBe: 'Tu PIN nuevo debe cumplir esto:',
    rulesLabel: 'Reglas del PIN',
    legend: 'PIN nuevo',
    current: 'PIN actual',
    new: 'PIN nuevo',
    confirmation: 'Confirma el PIN nuevo',
    refused: 'No se puede usar ese PIN: elige uno que cumpla todas las reglas de la lista.',
    mismatch: 'Los dos PIN no coinciden.',
    signOutOthers: 'Cerrar también todas las demás sesiones',
    confirmFirst: 'Primero confirma que eres tú (paso 1).',
    met: ' (cumplida)',
    notMet: ' (no cumplida)',
  },
  rules: {
    digits: { description: 'Solo números', message: 'Usa solo dígitos.' },
    length: { description: 'De {{min}} a {{max}} dígitos', message: 'Usa de {{min}} a {{max}} dígitos.' },
    repeated: { description: 'Sin repetir un solo dígito, como 111111', message: 'No repitas un solo dígito.' },
    sequence: {
      description: 'Sin dígitos que suban o bajen de uno en uno, como 123456 o 987654',
      message: 'No uses dígitos que suban o bajen de uno en uno.',
    },
    pattern: { description: 'Sin repetir un patrón corto, como 121212 o 123123', message: 'No repitas un patrón corto.' },
    common: {
      description: 'Que no sea uno de los PIN más comunes',
      message: 'Este es uno de los PIN más comunes. Elige uno más difícil de adivinar.',
    },
    phone: {
      description: 'Que no sea parte de un número de teléfono de tu cuenta',
      message: 'No uses parte de un número de teléfono de tu cuenta.',
    },
    account: { description: 'Que no sea parte de tu número de cuenta', message: 'No uses parte de tu número de cuenta.' },
    birthDate: { description: 'Que no sea tu fecha de nacimiento', message: 'No uses tu fecha de nacimiento.' },
    confirm: { description: 'Que los dos PIN coincidan', message: 'Los dos PIN no coinciden. Escribe el mismo PIN en los dos campos.' },
    reused: {
      description: 'Que no sea tu PIN actual ni uno de los 3 anteriores',
      message: 'No vuelvas a usar tu PIN actual ni uno de los 3 anteriores.',
    },
  },
  changed: {
    title: 'Se cambió el PIN de la cuenta',
    done: 'Listo.',
    doneOn: 'Listo el {{date}}.',
    text: 'Usa tu PIN nuevo cuando nos llames o vayas a una tienda. Enviamos un aviso a tu teléfono y a tu correo registrados; no trae enlaces.',
    othersTitle: '¿Cerrar las demás sesiones?',
    noOthers: 'No había otras sesiones abiertas.',
    signedOut_one: 'Se cerró {{count}} sesión más.',
    signedOut_other: 'Se cerraron {{count}} sesiones más.',
    othersIntro: 'Si crees que otra persona pudo usar tu cuenta, cierra la sesión en todos los demás navegadores donde esté abierta.',
    signOutOthers: 'Cerrar todas las demás sesiones',
  },
  scheduled: {
    title: 'Tu restablecimiento del PIN está programado',
    effective: 'Tu PIN nuevo entra en vigor el {{when}}.',
    why: 'Esperamos 24 horas porque un código enviado por mensaje de texto nunca debe bastar para cambiar la cerradura de tu número: si otra persona empezó este restablecimiento, tienes un día para detenerlo. Enviamos un aviso a tu teléfono y a tu correo registrados; no trae enlaces.',
    meanwhile:
      'Mientras tanto, tu PIN actual sigue funcionando. Puedes cancelar el restablecimiento desde cualquier navegador donde hayas iniciado sesión, o llamando al 611.',
    cancel: 'Cancelar el restablecimiento del PIN',
  },
  pending: {
    title: 'Hay un restablecimiento del PIN pendiente',
    text: 'El nuevo PIN de la cuenta entra en vigor el <strong>{{when}}</strong>. Mientras tanto, tu PIN actual sigue funcionando. Si no lo pediste, cancélalo ahora y llama al 611 desde tu teléfono.',
  },
  holderOnly: {
    title: 'El PIN de la cuenta',
    heading: 'Solo el titular de la cuenta puede cambiarlo',
    why: 'El PIN de la cuenta protege todas las líneas de la cuenta: lo pedimos antes de pasar un número a una SIM nueva o a otra compañía. Por eso solo puede cambiarlo la persona responsable de la factura.',
    done: 'El titular de la cuenta ya cambió el PIN después de los incidentes.',
    notDone: 'No se ha cambiado desde los incidentes que afectaron a esta cuenta.',
    ask: 'Pedírselo al titular de la cuenta',
    askHint:
      'Le enviamos al titular de la cuenta un mensaje que dice que alguien de la cuenta se lo pidió, con tu función y los últimos 4 dígitos de tu línea. No cambia nada más.',
    asked: 'Le enviamos un mensaje al titular de la cuenta. No trae enlaces y no cambia nada más.',
    askedRecently: 'Ya lo pediste hace poco. Puedes volver a pedirlo en {{wait}}.',
  },
  errors: {
    stepUpAgain: 'Por tu seguridad, vuelve a confirmar que eres tú con tu llave de acceso y luego elige tu PIN.',
    incomplete: 'El formulario está incompleto. Escribe tu PIN nuevo dos veces.',
    tooLong: 'Usa de 6 a 15 dígitos.',
    noReset: 'No hay ningún restablecimiento del PIN pendiente: ya se canceló o ya entró en vigor.',
    missingCurrent: 'Escribe tu PIN actual, o elige “No sé mi PIN actual”.',
    locked:
      'Demasiados PIN incorrectos: la verificación del PIN está bloqueada hasta el {{until}}. Todavía puedes elegir “No sé mi PIN actual”.',
    wrongAndLocked: 'Ese no es tu PIN actual. Fue el 5.º PIN incorrecto: la verificación del PIN está bloqueada hasta el {{until}}.',
    wrong_one: 'Ese no es tu PIN actual. Te queda {{count}} intento antes de que la verificación del PIN se bloquee por 15 minutos.',
    wrong_other: 'Ese no es tu PIN actual. Te quedan {{count}} intentos antes de que la verificación del PIN se bloquee por 15 minutos.',
  },
} satisfies CatalogOf<typeof en>;
