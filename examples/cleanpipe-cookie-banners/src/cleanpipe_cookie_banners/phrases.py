"""What cookie and consent banners say, per language.

Each language has four lists of regular expressions, matched case-insensitively
against a line with its surrounding spaces, bullets and punctuation stripped:

- ``openings``: how a banner's notice begins ("We use cookies", "Wir
  verwenden Cookies"); a line that begins so is a notice only if it also
  holds one of the ``keywords``, so "By using a new technique, ..." is not;
- ``keywords``: words every notice holds somewhere (cookie, consent, ...);
- ``controls``: whole lines that are banner controls in any context
  ("Accept all cookies", "Cookie-Einstellungen");
- ``buttons``: whole lines that are banner buttons only next to a banner
  ("Accept", "OK", "Tout refuser"), since an article may hold them too.
"""

from __future__ import annotations

import attrs

__all__ = ["LANGUAGES", "Language"]


@attrs.frozen
class Language:
    """The phrases of one language's cookie banners (regular expressions)."""

    openings: tuple[str, ...]
    keywords: tuple[str, ...]
    controls: tuple[str, ...]
    buttons: tuple[str, ...]


LANGUAGES: dict[str, Language] = {
    "en": Language(
        openings=(
            (
                r"(?:we|we and our (?:\w+ )*partners|(?:this|our) (?:web)?site) "
                r"(?:uses?|stores?|process(?:es)?)\b"
            ),
            r"by (?:using|continuing|clicking|browsing|visiting|accepting)\b",
            r"we (?:value|care about|respect) your privacy",
            r"cookies? (?:help|enable|allow) us",
            r"to (?:give|provide|offer) you the best",
            r"your privacy (?:choices|matters|is important)",
        ),
        keywords=(r"cookie", r"consent", r"privacy", r"\bagree"),
        controls=(
            (
                r"(?:accept|allow|reject|decline|refuse|block) (?:all )?"
                r"(?:non-essential |optional |third-party )?cookies"
            ),
            r"(?:manage|customi[sz]e|change) (?:cookies|cookie settings|consent)",
            r"cookie (?:policy|settings|preferences|notice|consent|declaration)",
            r"(?:use |only )?(?:necessary|essential) cookies(?: only)?",
            r"do not sell(?: or share)? my personal information",
        ),
        buttons=(
            r"accept(?: all)?",
            r"allow(?: all)?",
            r"reject(?: all)?",
            r"decline",
            r"i (?:agree|accept)",
            r"agree(?: and (?:close|continue))?",
            r"got it",
            r"learn more",
            r"more (?:information|info|options)",
            r"customi[sz]e",
            r"(?:cookie |privacy )?settings",
            r"manage (?:options|preferences)",
            r"save (?:and exit|preferences|settings|choices)",
            r"close",
            r"continue",
            r"privacy policy",
            r"privacy preferences",
            r"ok(?:ay)?",
        ),
    ),
    "de": Language(
        openings=(
            (
                r"(?:wir|(?:diese|unsere) (?:web)?(?:seite|site)) "
                r"(?:verwende[nt]|nutz(?:en|t)|setz(?:en|t)|benutz(?:en|t))\b"
            ),
            r"wir und unsere (?:\w+ )*partner",
            r"(?:mit|durch) (?:der|die) (?:weiteren? )?nutzung",
            r"(?:wenn|indem) sie (?:auf|diese|unsere|fortfahren)",
            r"wir respektieren ihre privatsphäre",
            r"ihre privatsphäre ist uns wichtig",
        ),
        keywords=(
            r"cookie",
            r"einwillig",
            r"zustimm",
            r"datenschutz",
            r"einverstanden",
        ),
        controls=(
            r"(?:alle )?cookies (?:akzeptieren|zulassen|erlauben|ablehnen)",
            r"cookie-?(?:einstellungen|richtlinie|hinweis|zustimmung|banner)",
            r"nur (?:notwendige|essenzielle|erforderliche) cookies(?: verwenden| akzeptieren)?",
        ),
        buttons=(
            r"(?:alle )?akzeptieren",
            r"(?:alle )?ablehnen",
            r"zustimmen",
            r"(?:alle )?zulassen",
            r"einverstanden",
            r"einstellungen",
            r"mehr (?:erfahren|informationen)",
            r"weitere informationen",
            r"(?:auswahl )?speichern",
            r"datenschutzerklärung",
            r"schließen",
            r"ok",
        ),
    ),
    "fr": Language(
        openings=(
            r"(?:nous|ce site|notre site)(?: web| internet)? (?:utilis(?:ons|e)|dépos(?:ons|e))\b",
            r"nous et nos (?:\w+ )*partenaires",
            r"en (?:poursuivant|continuant|cliquant|acceptant)\b",
            r"nous respectons votre vie privée",
            r"vos données,? vos choix",
        ),
        keywords=(r"cookie", r"consent", r"traceur", r"accept"),
        controls=(
            r"(?:accepter|refuser|autoriser) (?:tous )?les cookies",
            r"(?:paramètres|gestion|préférences) (?:des|de) cookies",
            r"(?:gérer|personnaliser|paramétrer) (?:les |mes )?cookies",
            r"politique (?:de|relative aux|en matière de) cookies",
        ),
        buttons=(
            r"(?:tout )?accepter",
            r"(?:tout )?refuser",
            r"j'accepte",
            r"j’accepte",
            r"continuer sans accepter",
            r"personnaliser",
            r"paramétrer",
            r"en savoir plus",
            r"plus d'options",
            r"plus d’options",
            r"fermer",
            r"ok",
        ),
    ),
    "es": Language(
        openings=(
            r"(?:utilizamos|usamos|empleamos)\b",
            r"(?:este|nuestro) sitio(?: web)? (?:utiliza|usa)\b",
            r"(?:esta|nuestra) (?:web|página)(?: web)? (?:utiliza|usa)\b",
            r"nosotros y nuestros (?:\w+ )*socios",
            r"(?:al|si) (?:continuar|seguir|continúa|continúas|sigue|sigues|hacer clic)\b",
            r"respetamos (?:tu|su) privacidad",
        ),
        keywords=(r"cookie", r"consent", r"acept"),
        controls=(
            r"(?:aceptar|rechazar|permitir) (?:todas )?(?:las )?cookies",
            r"(?:configuración|configurar|gestionar|preferencias) (?:de )?(?:las )?cookies",
            r"política de cookies",
        ),
        buttons=(
            r"aceptar(?: todo| todas)?",
            r"rechazar(?: todo| todas)?",
            r"acepto",
            r"configurar",
            r"personalizar",
            r"más información",
            r"de acuerdo",
            r"entendido",
            r"cerrar",
            r"ok",
        ),
    ),
    "it": Language(
        openings=(
            r"(?:questo|il nostro) sito(?: web)? (?:utilizza|usa)\b",
            r"(?:utilizziamo|usiamo)\b",
            r"noi e (?:i nostri |terze parti )(?:\w+ )*",
            r"(?:proseguendo|continuando|cliccando|chiudendo)\b",
            r"rispettiamo la tua privacy",
        ),
        keywords=(r"cookie", r"consens", r"accett"),
        controls=(
            r"(?:accetta|rifiuta|consenti) (?:tutti )?(?:i )?cookie",
            r"(?:impostazioni|preferenze|gestisci) (?:dei |i )?cookie",
            r"(?:cookie policy|informativa (?:sui )?cookie)",
        ),
        buttons=(
            r"accetta(?: tutto| tutti)?",
            r"accetto",
            r"rifiuta(?: tutto| tutti)?",
            r"personalizza",
            r"scopri di più",
            r"maggiori informazioni",
            r"chiudi",
            r"ok",
        ),
    ),
    "nl": Language(
        openings=(
            r"(?:wij|we) (?:gebruiken|plaatsen|maken gebruik van)\b",
            r"(?:deze|onze) (?:web)?site (?:gebruikt|maakt gebruik van)\b",
            r"wij en (?:onze )?(?:\w+ )*partners",
            r"door (?:verder te gaan|gebruik te maken|op|deze)\b",
        ),
        keywords=(r"cookie", r"toestemming", r"akkoord"),
        controls=(
            r"(?:alle )?cookies (?:accepteren|toestaan|weigeren)",
            r"cookie-?(?:instellingen|beleid|verklaring|voorkeuren)",
        ),
        buttons=(
            r"(?:alles )?accepteren",
            r"akkoord",
            r"(?:alles )?weigeren",
            r"instellingen",
            r"meer informatie",
            r"sluiten",
            r"ok",
        ),
    ),
    "pt": Language(
        openings=(
            r"(?:utilizamos|usamos)\b",
            r"(?:este|o nosso|nosso) (?:site|sítio)(?: web)? (?:utiliza|usa)\b",
            r"nós e os nossos (?:\w+ )*parceiros",
            r"ao (?:continuar|clicar|navegar|utilizar)\b",
            r"valorizamos a sua privacidade",
        ),
        keywords=(r"cookie", r"consent", r"concord", r"aceit"),
        controls=(
            r"(?:aceitar|rejeitar|permitir) (?:todos )?(?:os )?cookies",
            r"(?:configurações|definições|preferências|gerir) (?:de )?(?:os )?cookies",
            r"política de cookies",
        ),
        buttons=(
            r"aceitar(?: todos)?",
            r"aceito",
            r"rejeitar(?: todos)?",
            r"concordo",
            r"configurar",
            r"saiba mais",
            r"mais informações",
            r"fechar",
            r"ok",
        ),
    ),
}
