/** What a record misses, or how it was made differently from the page; texts in capture-warnings.ts. */
export const CAPTURE_WARNING_CODES = [
  'not_loaded',
  'consent_failed',
  'cut_height',
  'cut_time',
  'coverage_short',
  'not_scrollable',
  'other_scrollers',
  'content_inserted',
  'scrolled_itself',
  'navigation_stopped',
  'address_changed',
  'frames_unloaded',
  'images_pending',
  'frames_picture_only',
  'mhtml_partial',
  'logged_out',
  'login_expired',
  'login_dialog_closed',
  'no_posts',
  // Not in the record (its bag is finished before the stamp is asked for): in the run's result.
  'timestamp_failed',
  // A warning in a record made before warnings had codes: its text, in English, is all there is.
  'legacy',
] as const;
export type CaptureWarningCode = (typeof CAPTURE_WARNING_CODES)[number];

export interface CaptureWarning {
  code: CaptureWarningCode;
  /** The numbers and addresses the warning names. */
  values: Record<string, string | number>;
  /** The warning in Swedish, as the record states it. */
  text: string;
}

export type Language = 'sv' | 'en';

type Catalogue = Record<Exclude<CaptureWarningCode, 'legacy'>, string | { one: string; other: string }>;

/**
 * What a record says it misses, or how it was made differently from the page as a reader sees it.
 * One catalogue for the record's cover (Swedish), the app and the command line. Slots are
 * {{name}}; {{name, number}} is written as a number of the language; a message with one and other
 * forms is chosen by the value `count`.
 */
export const CAPTURE_WARNING_MESSAGES: Record<Language, Catalogue> = {
  sv: {
    not_loaded: 'Sidan blev aldrig färdigladdad; den togs så långt den hade laddats.',
    consent_failed: 'En cookie-banner ({{cmp}}) hittades men gick inte att avvisa; den kan täcka en del av ögonblicksbilden.',
    cut_height: 'Sidan är högre än {{px, number}} px; ögonblicksbilden slutar där.',
    cut_time: 'Flödet fortsatte att fyllas på; ögonblicksbilden slutar vid {{px, number}} px, där tiden för att rulla tog slut.',
    coverage_short: 'Flödet räckte inte tillbaka till förra ögonblicksbilden; inlägg från tiden däremellan kan saknas.',
    not_scrollable: 'Sidan går inte att rulla: innehållet fortsätter nedanför fönstret i en ruta som inte går att rulla. Bara första skärmen finns med.',
    other_scrollers: {
      one: 'Utöver huvudspalten har sidan en spalt till som rullas för sig; av den finns bara det som syntes på första skärmen med.',
      other: 'Utöver huvudspalten har sidan {{count}} spalter till som rullas för sig; av dem finns bara det som syntes på första skärmen med.',
    },
    content_inserted: 'Medan sidan togs lade den till {{px, number}} px innehåll ovanför det som redan var taget (nya inlägg eller bilder som växte). Det innehållet finns inte med.',
    scrolled_itself: 'Sidan rullade av sig själv medan den togs; {{px, number}} px av den kom inte med.',
    navigation_stopped: 'Ett klick på sidan försökte lämna den (till {{url}}). Det stoppades och uttaget fortsatte.',
    address_changed: 'Ett klick på sidan bytte dess adress (till {{url}}). Uttaget gick tillbaka till sidan och fortsatte.',
    frames_unloaded: {
      one: 'En inbäddad ram ({{urls}}) hade inte laddats när sidan togs; den är tom i ögonblicksbilden.',
      other: '{{count}} inbäddade ramar ({{urls}}) hade inte laddats när sidan togs; de är tomma i ögonblicksbilden.',
    },
    logged_out: 'Ögonblicksbilden togs utan inloggning. Utloggad visar {{platform}} bara en del av kanalen (de första inläggen, eller utvalda inlägg i stället för de senaste), så inlägg kan saknas. Logga in med ”{{command}}” för en fullständig ögonblicksbild.',
    login_expired: 'Den sparade inloggningen på {{platform}} gäller inte längre: sidan visade sin inloggningsruta, så ögonblicksbilden är det en besökare utan inloggning ser, och inlägg kan saknas. Logga in igen med ”{{command}}” och ta en ny ögonblicksbild.',
    login_dialog_closed: {
      one: 'En inloggningsruta från {{platform}} låg över sidan och stängdes innan sidan togs. Det som låg under rutan finns med.',
      other: '{{platform}} lade en inloggningsruta över sidan {{count}} gånger. Den stängdes varje gång innan sidan togs, och det som låg under den finns med.',
    },
    no_posts: 'Inga inlägg hittades på sidan. Har kanalen inlägg har sidan ändrats eller visar inte flödet; titta på ögonblicksbilden.',
    frames_picture_only: {
      one: 'En inbäddad ram från en annan webbplats ({{urls}}) finns med i bilderna, men dess text finns inte i textlagret eller i page.txt.',
      other: '{{count}} inbäddade ramar från andra webbplatser ({{urls}}) finns med i bilderna, men deras text finns inte i textlagret eller i page.txt.',
    },
    images_pending: {
      one: 'En bild laddades fortfarande när dess del av sidan togs; den kan saknas i ögonblicksbilden.',
      other: '{{count}} bilder laddades fortfarande när deras del av sidan togs; de kan saknas i ögonblicksbilden.',
    },
    mhtml_partial: 'MHTML-kopian innehåller {{inCopy}} av de {{posts}} inläggen i bilderna: webbplatsen tar bort inlägg ur sidan medan den rullas. Bilderna och texten har alla.',
    timestamp_failed: 'Ögonblicksbilden är sparad, men tidsstämpeltjänsten ({{tsa}}) gav ingen tidsstämpel. Kör ”kanalarkiv timestamp --archive {{archive}}” när tjänsten fungerar igen; då stämplas den i efterhand.',
  },
  en: {
    not_loaded: 'The page never finished loading; it was captured as far as it had loaded.',
    consent_failed: 'A cookie banner ({{cmp}}) was found but could not be dismissed; it may cover part of the snapshot.',
    cut_height: 'The page is taller than {{px, number}} px; the snapshot ends there.',
    cut_time: 'The feed kept loading; the snapshot ends at {{px, number}} px, where the time for scrolling ran out.',
    coverage_short: 'The feed did not reach back to the previous snapshot; posts from the time in between may be missing.',
    not_scrollable: 'The page cannot be scrolled: its content goes on below the window in an area that cannot be scrolled. Only the first screen is in the snapshot.',
    other_scrollers: {
      one: 'Besides its main column the page has one more column that scrolls on its own; of it, only what showed on the first screen is in the snapshot.',
      other: 'Besides its main column the page has {{count}} more columns that scroll on their own; of them, only what showed on the first screen is in the snapshot.',
    },
    content_inserted: 'While it was captured, the page added {{px, number}} px of content above the part already captured (new posts, or images that grew). That content is not in the snapshot.',
    scrolled_itself: 'The page scrolled by itself while it was captured; {{px, number}} px of it is not in the snapshot.',
    navigation_stopped: 'A click on the page tried to leave it (to {{url}}). It was stopped and the capture went on.',
    address_changed: 'A click on the page changed its address (to {{url}}). The capture went back to the page and went on.',
    frames_unloaded: {
      one: 'An embedded frame ({{urls}}) had not loaded when the page was captured; it is empty in the snapshot.',
      other: '{{count}} embedded frames ({{urls}}) had not loaded when the page was captured; they are empty in the snapshot.',
    },
    logged_out: 'The snapshot was taken without a login. Logged out, {{platform}} shows only part of the channel (the first posts, or chosen posts instead of the latest), so posts may be missing. Log in with "{{command}}" for a complete snapshot.',
    login_expired: 'The saved login to {{platform}} no longer holds: the page showed its login dialog, so the snapshot is what a visitor without a login sees, and posts may be missing. Log in again with "{{command}}" and take a new snapshot.',
    login_dialog_closed: {
      one: 'A login dialog of {{platform}} covered the page and was closed before the page was captured. What lay under it is in the snapshot.',
      other: '{{platform}} put a login dialog over the page {{count}} times. It was closed each time before the page was captured, and what lay under it is in the snapshot.',
    },
    no_posts: 'No posts were found on the page. If the channel has posts, the page has changed or does not show its feed; look at the snapshot.',
    frames_picture_only: {
      one: 'An embedded frame from another site ({{urls}}) is in the pictures, but its text is not in the text layer or in page.txt.',
      other: '{{count}} embedded frames from other sites ({{urls}}) are in the pictures, but their text is not in the text layer or in page.txt.',
    },
    images_pending: {
      one: 'An image was still loading when its part of the page was captured; it may be missing from the snapshot.',
      other: '{{count}} images were still loading when their part of the page was captured; they may be missing from the snapshot.',
    },
    mhtml_partial: 'The MHTML copy holds {{inCopy}} of the {{posts}} posts in the pictures: the site removes posts from the page as it is scrolled. The pictures and the text hold them all.',
    timestamp_failed: 'The snapshot is saved, but the time-stamping authority ({{tsa}}) gave no stamp. Run “kanalarkiv timestamp --archive {{archive}}” when it works again; the snapshot is stamped then.',
  },
};

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

function fill(template: string, values: CaptureWarning['values'], language: Language): string {
  return template.replace(/\{\{(\w+)(, number)?\}\}/g, (_, name: string, number?: string) => {
    const value = values[name];
    if (value === undefined) return '';
    return number && typeof value === 'number' ? value.toLocaleString(LOCALES[language]) : String(value);
  });
}

/** The warning in a language. A warning from a record made before warnings had codes has only its text. */
export function warningText(warning: CaptureWarning, language: Language): string {
  if (warning.code === 'legacy') return warning.text;
  const message = CAPTURE_WARNING_MESSAGES[language][warning.code];
  const template = typeof message === 'string' ? message : warning.values.count === 1 ? message.one : message.other;
  return fill(template, warning.values, language);
}

/** A warning of the capture, with its Swedish text for the record. */
export function captureWarning(code: Exclude<CaptureWarningCode, 'legacy'>, values: CaptureWarning['values'] = {}): CaptureWarning {
  const warning: CaptureWarning = { code, values, text: '' };
  return { ...warning, text: warningText(warning, 'sv') };
}
