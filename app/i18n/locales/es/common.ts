import type { CatalogOf } from '../../catalog';
import type en from '../en/common';

export default {
  brand: 'Revisión de filtraciones',
  skipLink: 'Ir al contenido',
  title: '{{page}} · Revisión de filtraciones',
  nav: {
    label: 'Principal',
    incidents: 'Incidentes',
    account: 'Tu cuenta',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
  },
  staffArea: 'Área del personal',
  footer: {
    noLinks:
      'Nunca te enviaremos un enlace por mensaje de texto ni por correo electrónico. Si un mensaje que dice ser nuestro te pide tocar un enlace o compartir un código o el PIN de la cuenta, no es nuestro: llama al 611 desde tu teléfono.',
    timeZone: 'Las horas en estas páginas y en nuestros mensajes son la hora del Pacífico de EE. UU.',
  },
  error: {
    eyebrow: 'Error {{status}}',
    400: { title: 'La solicitud no es válida', body: 'Vuelve atrás, revisa lo que escribiste e inténtalo de nuevo.' },
    403: {
      title: 'No puedes abrir esta página',
      body: 'Necesita otro inicio de sesión. Si crees que es un error, vuelve a iniciar sesión.',
    },
    404: {
      title: 'No encontramos esa página',
      body: 'Puede que la dirección esté mal escrita o que la página se haya movido. Abajo tienes los incidentes y tu cuenta.',
    },
    410: { title: 'Este enlace ya no funciona', body: 'Venció o ya se usó.' },
    429: { title: 'Demasiados intentos', body: 'Por tu seguridad lo pausamos un rato. Inténtalo de nuevo más tarde.' },
    500: { title: 'Algo falló de nuestro lado', body: 'No fue por nada que hicieras. Inténtalo de nuevo en un minuto.' },
    home: 'Inicio',
    incidents: 'Los incidentes',
    signIn: 'Inicia sesión para revisar tu cuenta',
  },
  advice: {
    pin: {
      title: 'Cambia el PIN de la cuenta.',
      text: 'Es lo que pedimos antes de pasar tu número a otra compañía o a una SIM nueva, así que es la cerradura más importante.',
    },
    codes: {
      title: 'Nunca compartas un código que no pediste.',
      text: 'Quien te pide un código que te llegó por mensaje de texto está intentando quedarse con tu cuenta.',
    },
    links: {
      title: 'Nunca enviamos enlaces.',
      text: 'Nuestros mensajes de texto y correos sobre estos incidentes nunca traen un enlace. Escribe tú la dirección del portal.',
    },
    service: {
      title: 'Atención si te quedas sin servicio de repente.',
      text: 'Si tu teléfono muestra “Sin servicio” o “Solo SOS” donde normalmente funciona, llama al 611 desde otro teléfono de inmediato.',
    },
  },
  checkMyAccount: 'Revisar mi cuenta',
  backToExposure: 'Volver a tus datos expuestos',
  print: {
    button: 'Imprimir',
    noScript: 'Usa la opción Imprimir de tu navegador para imprimir esta página o guardarla como PDF.',
  },
  roles: {
    holder: 'Titular de la cuenta',
    authorized: 'Usuario autorizado',
    line: 'Usuario de línea',
  },
  wait: {
    seconds_one: '{{count}} segundo',
    seconds_other: '{{count}} segundos',
    minutes_one: '{{count}} minuto',
    minutes_other: '{{count}} minutos',
    hours_one: '{{count}} hora',
    hours_other: '{{count}} horas',
  },
  never: 'Nunca',
} satisfies CatalogOf<typeof en>;
