import type { CatalogOf } from '../../catalog';
import type en from '../en/home';

export default {
  metaTitle: 'Revisión de filtraciones: ¿estuvo tu cuenta en los incidentes de 2018, 2019 o 2020?',
  metaDescription: 'Revisa exactamente qué datos de tu cuenta quedaron expuestos y protege tu cuenta con un PIN nuevo.',
  eyebrow: 'Revisión de filtraciones para clientes',
  title: '¿Estuvo tu cuenta en alguno de nuestros tres incidentes de datos?',
  lead: 'En 2018, 2019 y 2020 alguien entró en sistemas que guardaban algunos datos de clientes. Inicia sesión para ver exactamente cuáles de <em>tus</em> datos quedaron expuestos y cuáles no, y elimina el riesgo en la misma visita eligiendo un PIN de la cuenta nuevo.',
  readWhatHappened: 'Leer qué pasó',
  whatHappened: 'Qué pasó',
  neverTitle: 'Lo que nunca quedó expuesto',
  neverText:
    'Ninguno de los incidentes incluyó números de Seguro Social, números de tarjetas de crédito o débito, ni contraseñas. Así lo dijo cada aviso que enviamos, y nuestros registros lo confirman.',
  whyTitle: 'Por qué sigue siendo importante',
  whyText:
    'Tu número de cuenta, tu código postal de facturación y tu número de teléfono, juntos, son lo que necesita un estafador para intentar pasar tu número a su teléfono llamando a una compañía. El PIN de la cuenta es lo que lo detiene.',
  whatToDo: 'Qué hacer ahora',
} satisfies CatalogOf<typeof en>;
