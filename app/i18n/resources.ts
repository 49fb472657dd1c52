// Every catalog, per language and area. Both languages ship in the browser bundle: a page never waits for one.
import enAccount from './locales/en/account';
import enAuth from './locales/en/auth';
import enCommon from './locales/en/common';
import enHome from './locales/en/home';
import enIncidents from './locales/en/incidents';
import enMessages from './locales/en/messages';
import enNotices from './locales/en/notices';
import enOutbox from './locales/en/outbox';
import enPeople from './locales/en/people';
import enPin from './locales/en/pin';
import enProtection from './locales/en/protection';
import esAccount from './locales/es/account';
import esAuth from './locales/es/auth';
import esCommon from './locales/es/common';
import esHome from './locales/es/home';
import esIncidents from './locales/es/incidents';
import esMessages from './locales/es/messages';
import esNotices from './locales/es/notices';
import esOutbox from './locales/es/outbox';
import esPeople from './locales/es/people';
import esPin from './locales/es/pin';
import esProtection from './locales/es/protection';

export const resources = {
  en: {
    common: enCommon,
    home: enHome,
    incidents: enIncidents,
    account: enAccount,
    auth: enAuth,
    pin: enPin,
    people: enPeople,
    protection: enProtection,
    messages: enMessages,
    notices: enNotices,
    outbox: enOutbox,
  },
  es: {
    common: esCommon,
    home: esHome,
    incidents: esIncidents,
    account: esAccount,
    auth: esAuth,
    pin: esPin,
    people: esPeople,
    protection: esProtection,
    messages: esMessages,
    notices: esNotices,
    outbox: esOutbox,
  },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
