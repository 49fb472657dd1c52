import type { CatalogOf } from '../../catalog';
import type en from '../en/incidents';

export default {
  incident: {
    '2018-08-api': {
      title: 'Agosto de 2018: la API del sitio web que dejaba ver datos',
      when: 'Descubierto el 20 de agosto de 2018',
      summary:
        'Alguien tuvo acceso sin autorización a datos de clientes a través de una interfaz (una “API”) que usa parte de nuestro sitio web.',
      whatHappened:
        'El 20 de agosto de 2018 nuestro equipo de seguridad detectó y cortó un acceso no autorizado a información de clientes a través de una API que usa parte de nuestro sitio web. Avisamos por mensaje de texto a unos 2.3 millones de clientes, los que corrían más riesgo.',
      affected: 'Avisamos por mensaje de texto a unos 2.3 millones de clientes.',
    },
    '2019-11-prepaid': {
      title: 'Noviembre de 2019: cuentas prepagadas',
      when: 'Noviembre de 2019',
      summary: 'Alguien tuvo acceso sin autorización a información de algunas cuentas prepagadas.',
      whatHappened:
        'En noviembre de 2019 nuestro equipo de seguridad detectó y cortó un acceso no autorizado a información de algunos clientes prepagados. Las cuentas pospagadas no se vieron afectadas.',
      affected: 'Una parte de los clientes prepagados; la compañía no publicó una cifra.',
    },
    '2020-03-email-vendor': {
      title: 'Marzo de 2020: ataque a nuestro proveedor de correo',
      when: 'Marzo de 2020',
      summary:
        'Un ataque a nuestro proveedor de correo electrónico dio acceso a los buzones de algunos empleados, que contenían información de cuentas de clientes.',
      whatHappened:
        'En marzo de 2020 un atacante entró en el proveedor de correo electrónico que usamos y, desde ahí, en algunos buzones de empleados. Algunos de esos correos contenían información de cuentas de clientes.',
      affected: 'Una pequeña parte de los clientes; la compañía no publicó una cifra.',
    },
  },
  field: {
    name: { label: 'Nombre', risk: 'Hace que las llamadas, los mensajes y los correos de estafa parezcan venir de verdad de nosotros.' },
    billing_zip: {
      label: 'Código postal de facturación',
      risk: 'Se suele pedir como pregunta de seguridad; junto con tu número de cuenta y tu teléfono ayuda a alguien a hacerse pasar por ti.',
    },
    billing_address: {
      label: 'Dirección de facturación',
      risk: 'Sirve para pasar controles de identidad y para enviar estafas convincentes por correo postal.',
    },
    phone_number: {
      label: 'Número de teléfono',
      risk: 'Es el blanco del fraude de cambio de SIM y de portabilidad, y una forma de mandarte mensajes falsos.',
    },
    email_address: {
      label: 'Correo electrónico',
      risk: 'Permite enviarte correos de phishing (suplantación) que mencionan tu cuenta.',
    },
    account_number: {
      label: 'Número de cuenta',
      risk: 'Se pide para pasar tu número a otra compañía (la portabilidad).',
    },
    account_type: {
      label: 'Tipo de cuenta (prepagada o pospagada)',
      risk: 'Ayuda a los estafadores a inventar una historia creíble sobre tu plan o tu factura.',
    },
    rate_plan: { label: 'Plan de tarifas', risk: 'Ayuda a quien llama a sonar como nuestro equipo de atención al cliente.' },
    plan_features: { label: 'Servicios del plan', risk: 'Ayuda a quien llama a sonar como nuestro equipo de atención al cliente.' },
    billing_information: {
      label: 'Datos de facturación (montos y fechas, no números de tarjeta)',
      risk: 'Hace creíbles los mensajes falsos de “tu pago no se pudo procesar”.',
    },
  },
  never: {
    ssn: 'Número de Seguro Social',
    cards: 'Números de tarjetas de crédito o débito',
    passwords: 'Contraseñas',
  },
  combination: {
    'port-out-kit': {
      title: 'Intentos de portabilidad y de cambio de SIM por teléfono',
      explanation:
        'El número de cuenta, el código postal de facturación y el número de teléfono son justo lo que necesita alguien que llama a una compañía para intentar pasar tu número a su SIM. El PIN de la cuenta es el control que lo detiene.',
    },
    'port-out-request': {
      title: 'Solicitudes de portabilidad',
      explanation:
        'Con tu número de cuenta y tu número de teléfono, se le puede pedir a otra compañía que se quede con tu número. Un PIN de la cuenta nuevo bloquea la transferencia.',
    },
    'targeted-texts': {
      title: 'Mensajes de texto y llamadas de estafa convincentes',
      explanation:
        'Un mensaje con tu nombre real, enviado a tu número real, es más creíble. Nunca enviamos enlaces por mensaje de texto: borra cualquiera que diga ser nuestro.',
    },
    'targeted-email': {
      title: 'Correos de phishing',
      explanation:
        'Un correo que te saluda por tu nombre puede parecer nuestro. Nunca enviamos enlaces por correo electrónico sobre estos incidentes.',
    },
    'billing-scam': {
      title: 'Mensajes falsos de facturación y de pago',
      explanation:
        'Con datos reales de tu factura, los mensajes de “tu pago no se pudo procesar” son creíbles. Revisa tu factura solo iniciando sesión o llamando al 611.',
    },
    impersonation: {
      title: 'Hacerse pasar por ti',
      explanation:
        'Con tu nombre y tu dirección, alguien puede pasar controles de identidad sencillos en otros lugares. Si ves señales de eso, considera congelar tu crédito.',
    },
  },
  list: {
    title: 'Los incidentes',
    lead: 'Tres incidentes dejaron expuestos algunos datos de clientes. Cada uno afectó a clientes distintos y a datos distintos. Inicia sesión para ver cuál afectó a tu cuenta, si alguno lo hizo.',
    mayHaveBeen: 'Pudieron quedar expuestos:',
    notExposed: 'No quedaron expuestos:',
  },
  page: {
    notFound: 'Incidente no encontrado',
    all: 'Todos los incidentes',
    when: 'Cuándo',
    affected: 'Clientes afectados',
    whatHappened: 'Qué pasó',
    mayTitle: 'Datos que pudieron quedar expuestos',
    mayIntro: 'No a todos los clientes afectados se les expusieron todos estos datos. Inicia sesión para ver los tuyos.',
    notTitle: 'No quedaron expuestos',
    notPart: 'No formó parte de este incidente.',
    whatToDo: 'Qué hacer',
    personalTitle: 'Mira tu propia respuesta',
    personalText: 'Inicia sesión con una llave de acceso para ver si tu cuenta estuvo en este incidente y qué datos exactamente.',
  },
  missing: 'No hay ningún incidente con ese nombre. Abajo tienes los tres incidentes.',
} satisfies CatalogOf<typeof en>;
