"""Plant trust problems into real news articles: the generators of ``bench/trust.py``.

FROZEN: these generators were written and committed before any detector was tuned against
them (stop 14). Change them only to add families, never to make a detector pass; a new
family takes its place in the hash order, like the others.

Each *family* is one way of writing one kind of problem, in English, French, German and
Spanish, with random slots (invented brands, prices, codes, dates, sentences) so that no
two planted texts are the same. Families are split in a *tune* half and a *check* half by
the hash of their name, alternately within each kind (``half``); a detector may be tuned on the tune half only and is
reported on the check half. What gets planted:

* ``undisclosed_promotion``: a brand pushed at the reader with a call to act, a price or a
  code, in the second person, in several sentence shapes;
* ``date_inconsistent``: a weekday that contradicts its date (several sentence shapes and
  date orders) or a date that cannot exist (a 31st in a 30-day month, 29 February of a
  non-leap year);
* ``unsourced_quote``: a quotation of speech with nobody named anywhere near it;
* ``generic_filler``: a run of vague sentences that state nothing checkable;
* ``furniture``: site furniture (read-also links, subscription and app prompts, share
  buttons) left in the text, on its own line or glued to a sentence.

Machine translation is not planted: writing "machine-translated" text by hand would test
the generator's idea of MT, not MT (see docs/quality.md for the real data found).

``plant(host, family, seed)`` returns the new text and the planted substring (the evidence
a detector should point at). Names, brands and sentences are invented here.
"""

from __future__ import annotations

import calendar
import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

LANGUAGES = ("en", "fr", "de", "es")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
BRANDS = ["Veltora", "Brisko", "Quandle", "Kalmora", "Sorvix", "Tindal Pay", "Morrow Mobile", "Lumeo", "Zentrik", "Pavlo Foods",
          "Orbisa", "Caldera Tours", "Nerima", "Hopwell", "Drovia Bank"]
PRODUCTS = {
    "en": ["mobile plan", "savings account", "meal kit", "city break", "electric scooter", "VPN", "running shoes", "insurance policy"],
    "fr": ["forfait mobile", "compte d'épargne", "panier repas", "séjour en ville", "trottinette électrique", "VPN", "chaussures de course", "assurance habitation"],
    "de": ["Handytarif", "Sparkonto", "Kochbox", "Städtereise", "E-Scooter", "VPN", "Laufschuhe", "Hausratversicherung"],
    "es": ["tarifa móvil", "cuenta de ahorro", "caja de comida", "escapada urbana", "patinete eléctrico", "VPN", "zapatillas de correr", "seguro de hogar"],
}
QUOTE_MARKS = {"en": ("“", "”"), "fr": ("« ", " »"), "de": ("„", "“"), "es": ("«", "»")}


@dataclass(frozen=True)
class Family:
    kind: str
    name: str
    make: Callable[[str, random.Random], str]
    placement: str  # "paragraph": a line of its own; "inline": inside a paragraph

    @property
    def half(self) -> str:
        return half(self)


def _hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def half(family: Family) -> str:
    """``"tune"`` or ``"check"``: a kind's families in the order of the hash of their names,
    alternately tune and check, so that each half of each kind holds at least one family."""
    order = sorted((f.name for f in FAMILIES if f.kind == family.kind), key=_hash)
    return "tune" if order.index(family.name) % 2 == 0 else "check"


# -- slot fillers -----------------------------------------------------------------------------


def _price(language: str, rng: random.Random) -> str:
    amount = rng.choice(["4.99", "9.99", "12", "19.90", "29", "49", "99"])
    if language == "en":
        return rng.choice(["$", "£", "€"]) + amount
    amount = amount.replace(".", ",")
    return f"{amount} €" if language in ("fr", "de") else rng.choice([f"{amount} €", f"{amount} euros"])


def _code(rng: random.Random) -> str:
    return rng.choice(["SAVE", "NEWS", "READER", "WELCOME", "SPRING", "PROMO"]) + str(rng.choice([10, 15, 20, 25, 30]))


def _domain(brand: str, language: str, rng: random.Random) -> str:
    tld = {"en": [".com", ".co.uk"], "fr": [".fr", ".com"], "de": [".de", ".com"], "es": [".es", ".com"]}[language]
    return re.sub(r"\W", "", brand.lower()) + rng.choice(tld)


def _percent(language: str, rng: random.Random) -> str:
    value = rng.choice([10, 15, 20, 25, 30, 40, 50])
    return f"{value}%" if language == "en" else f"{value} %"


# -- undisclosed_promotion --------------------------------------------------------------------

_PROMO_TEMPLATES: dict[str, dict[str, list[str]]] = {
    "promo-price-order": {
        "en": ["{brand} now offers a {product} from just {price} a month: order yours today at {domain}."],
        "fr": ["{brand} propose désormais un {product} dès {price} par mois : commandez le vôtre dès aujourd'hui sur {domain}."],
        "de": ["{brand} bietet jetzt einen {product} ab {price} im Monat an: Bestellen Sie Ihren noch heute auf {domain}."],
        "es": ["{brand} ofrece ahora una {product} desde solo {price} al mes: pida la suya hoy mismo en {domain}."],
    },
    "promo-code-save": {
        "en": ["Readers can save {pct} on any {brand} {product} with the code {code} until Sunday."],
        "fr": ["Vous pouvez économiser {pct} sur votre {product} {brand} avec le code {code} jusqu'à dimanche."],
        "de": ["Mit dem Code {code} sparen Sie bis Sonntag {pct} auf Ihren {product} von {brand}."],
        "es": ["Con el código {code} usted ahorra un {pct} en su {product} de {brand} hasta el domingo."],
    },
    "promo-app-download": {
        "en": ["Download the {brand} app now and get your first {product} free – new customers only."],
        "fr": ["Téléchargez dès maintenant l'application {brand} et recevez votre premier {product} gratuitement."],
        "de": ["Laden Sie jetzt die {brand}-App herunter und erhalten Sie Ihren ersten {product} gratis."],
        "es": ["Descarga ya la aplicación de {brand} y consigue gratis tu primera {product}."],
    },
    "promo-question-try": {
        "en": ["Looking for a better {product}? Try {brand}: plans start at {price}, and you can cancel at any time."],
        "fr": ["Vous cherchez un meilleur {product} ? Essayez {brand} : les offres commencent à {price}, sans engagement."],
        "de": ["Sie suchen einen besseren {product}? Testen Sie {brand}: Die Angebote beginnen bei {price}, jederzeit kündbar."],
        "es": ["¿Busca una {product} mejor? Pruebe {brand}: los planes empiezan en {price} y puede cancelar cuando quiera."],
    },
    "promo-book-now": {
        "en": ["If you are planning a {product}, {brand} has you covered – book now at {domain} and pay only {price}."],
        "fr": ["Si vous prévoyez un {product}, {brand} s'occupe de tout : réservez sur {domain} et ne payez que {price}."],
        "de": ["Wenn Sie eine {product} planen, ist {brand} für Sie da: Jetzt auf {domain} buchen und nur {price} zahlen."],
        "es": ["Si está pensando en una {product}, {brand} se lo pone fácil: reserve ya en {domain} y pague solo {price}."],
    },
    "promo-exclusive-deal": {
        "en": ["Exclusive for our readers: {pct} off your {brand} {product} – just enter {code} at checkout on {domain}."],
        "fr": ["En exclusivité pour nos lecteurs : {pct} de réduction sur votre {product} {brand}, saisissez {code} sur {domain}."],
        "de": ["Exklusiv für unsere Leser: {pct} Rabatt auf Ihren {product} bei {brand} – einfach {code} auf {domain} eingeben."],
        "es": ["En exclusiva para nuestros lectores: un {pct} de descuento en su {product} de {brand}; introduzca {code} en {domain}."],
    },
}


def _promotion(template_set: dict[str, list[str]]) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        brand = rng.choice(BRANDS)
        return rng.choice(template_set[language]).format(
            brand=brand, product=rng.choice(PRODUCTS[language]), price=_price(language, rng), code=_code(rng),
            domain=_domain(brand, language, rng), pct=_percent(language, rng),
        )

    return make


# -- date_inconsistent ------------------------------------------------------------------------

def _wrong_weekday_date(rng: random.Random) -> tuple[date, int]:
    day = date(rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28))
    wrong = (day.weekday() + rng.randint(1, 6)) % 7
    return day, wrong


def _date_text(language: str, day: date, weekday: int | None, shape: str) -> str:
    month, wd = MONTHS[language][day.month - 1], (WEEKDAYS[language][weekday] if weekday is not None else "")
    if language == "en":
        return {"dmy": f"{wd}, {day.day} {month} {day.year}", "mdy": f"{wd}, {month} {day.day}, {day.year}",
                "paren": f"{day.day} {month} {day.year} ({wd})", "num": f"{wd} {day.day}/{day.month}/{day.year}"}[shape]
    if language == "fr":
        return {"dmy": f"{wd} {day.day} {month} {day.year}", "mdy": f"{wd} {day.day} {month} {day.year}",
                "paren": f"{day.day} {month} {day.year} ({wd})", "num": f"{wd} {day.day:02d}/{day.month:02d}/{day.year}"}[shape]
    if language == "de":
        return {"dmy": f"{wd}, {day.day}. {month} {day.year}", "mdy": f"{wd}, dem {day.day}. {month} {day.year}",
                "paren": f"{day.day}. {month} {day.year} ({wd})", "num": f"{wd}, {day.day:02d}.{day.month:02d}.{day.year}"}[shape]
    return {"dmy": f"{wd} {day.day} de {month} de {day.year}", "mdy": f"{wd}, {day.day} de {month} de {day.year}",
            "paren": f"{day.day} de {month} de {day.year} ({wd})", "num": f"{wd} {day.day}/{day.month}/{day.year}"}[shape]


_DATE_SENTENCES = {
    "date-weekday-on": {
        "en": "The hearing took place on {date}, in front of a packed courtroom.",
        "fr": "L'audience s'est tenue le {date}, devant une salle comble.",
        "de": "Die Anhörung fand am {date} vor vollem Saal statt.",
        "es": "La audiencia se celebró el {date} ante una sala llena.",
    },
    "date-weekday-lead": {
        "en": "{Date}: the committee met again and postponed its vote.",
        "fr": "{Date} : la commission s'est de nouveau réunie et a reporté son vote.",
        "de": "{Date}: Der Ausschuss tagte erneut und vertagte die Abstimmung.",
        "es": "{Date}: la comisión volvió a reunirse y aplazó la votación.",
    },
    "date-weekday-deadline": {
        "en": "Applications must reach the office by {date} at the latest.",
        "fr": "Les dossiers doivent parvenir au bureau au plus tard le {date}.",
        "de": "Die Anträge müssen spätestens am {date} beim Amt eingehen.",
        "es": "Las solicitudes deben llegar a la oficina a más tardar el {date}.",
    },
}
_IMPOSSIBLE_SENTENCES = {
    "date-impossible-thirty": {
        "en": "The contract was signed on {date}, two weeks before the works began.",
        "fr": "Le contrat a été signé le {date}, deux semaines avant le début des travaux.",
        "de": "Der Vertrag wurde am {date} unterzeichnet, zwei Wochen vor Baubeginn.",
        "es": "El contrato se firmó el {date}, dos semanas antes del inicio de las obras.",
    },
    "date-impossible-leap": {
        "en": "The figures published on {date} showed a sharp fall in orders.",
        "fr": "Les chiffres publiés le {date} montraient une forte baisse des commandes.",
        "de": "Die am {date} veröffentlichten Zahlen zeigten einen deutlichen Rückgang der Aufträge.",
        "es": "Las cifras publicadas el {date} mostraban una fuerte caída de los pedidos.",
    },
}
_SHAPES = {"date-weekday-on": ("dmy", "mdy", "num"), "date-weekday-lead": ("dmy", "mdy"), "date-weekday-deadline": ("dmy", "paren", "num")}


def _weekday_family(name: str) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        day, wrong = _wrong_weekday_date(rng)
        shape = rng.choice(_SHAPES[name])
        if language == "fr" and shape == "mdy":
            shape = "dmy"
        text = _date_text(language, day, wrong, shape)
        sentence = _DATE_SENTENCES[name][language]
        return sentence.format(date=text, Date=text[:1].upper() + text[1:])

    return make


def _impossible_text(language: str, day: int, month: int, year: int, rng: random.Random) -> str:
    name = MONTHS[language][month - 1]
    if language == "en":
        return rng.choice([f"{day} {name} {year}", f"{name} {day}, {year}"])
    if language == "de":
        return rng.choice([f"{day}. {name} {year}", f"{day:02d}.{month:02d}.{year}"])
    if language == "es":
        return f"{day} de {name} de {year}"
    return f"{day} {name} {year}"


def _impossible_family(name: str) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        if name == "date-impossible-leap":
            day, month, year = 29, 2, rng.choice([y for y in range(2010, 2027) if not calendar.isleap(y)])
        else:
            day, month, year = 31, rng.choice([4, 6, 9, 11]), rng.randint(2010, 2026)
        return _IMPOSSIBLE_SENTENCES[name][language].format(date=_impossible_text(language, day, month, year, rng))

    return make


# -- unsourced_quote --------------------------------------------------------------------------

_SPEECH = {
    "en": ["We will not accept a decision taken behind closed doors, and we will fight it in every court",
           "Nobody here has been paid for three months and the families are running out of patience",
           "This is the worst flooding the valley has seen, and the help arrived far too late",
           "If the plant closes, half of the town will have to leave within a year",
           "The negotiations are over as far as we are concerned, and the strike goes on"],
    "fr": ["Nous n'accepterons pas une décision prise à huis clos et nous la combattrons devant tous les tribunaux",
           "Personne ici n'a été payé depuis trois mois et les familles perdent patience",
           "C'est la pire inondation que la vallée ait connue, et les secours sont arrivés bien trop tard",
           "Si l'usine ferme, la moitié de la ville devra partir d'ici un an",
           "Pour nous, les négociations sont terminées et la grève continue"],
    "de": ["Wir werden eine Entscheidung hinter verschlossenen Türen nicht hinnehmen und vor jedem Gericht dagegen kämpfen",
           "Hier hat seit drei Monaten niemand Geld bekommen, und den Familien reißt der Geduldsfaden",
           "Das ist das schlimmste Hochwasser, das das Tal je erlebt hat, und die Hilfe kam viel zu spät",
           "Wenn das Werk schließt, muss die halbe Stadt innerhalb eines Jahres wegziehen",
           "Für uns sind die Verhandlungen beendet, und der Streik geht weiter"],
    "es": ["No aceptaremos una decisión tomada a puerta cerrada y la combatiremos en todos los tribunales",
           "Aquí nadie ha cobrado desde hace tres meses y las familias están perdiendo la paciencia",
           "Es la peor inundación que ha vivido el valle, y la ayuda llegó demasiado tarde",
           "Si la fábrica cierra, la mitad del pueblo tendrá que marcharse en menos de un año",
           "Para nosotros las negociaciones han terminado y la huelga continúa"],
}
_QUOTE_FRAMES = {
    "quote-bare-paragraph": {"en": "{q}.", "fr": "{q}.", "de": "{q}.", "es": "{q}."},
    "quote-after-colon": {
        "en": "The mood in the street was summed up in a single sentence: {q}.",
        "fr": "L'ambiance dans la rue se résumait en une phrase : {q}.",
        "de": "Die Stimmung auf der Straße ließ sich in einem Satz zusammenfassen: {q}.",
        "es": "El ambiente en la calle se resumía en una sola frase: {q}.",
    },
    "quote-two-sentences": {"en": "{q}. {q2}.", "fr": "{q}. {q2}.", "de": "{q}. {q2}.", "es": "{q}. {q2}."},
    "quote-then-narration": {
        "en": "{q}. The square emptied slowly after nightfall.",
        "fr": "{q}. La place s'est vidée lentement à la tombée de la nuit.",
        "de": "{q}. Der Platz leerte sich nach Einbruch der Dunkelheit nur langsam.",
        "es": "{q}. La plaza se vació lentamente al caer la noche.",
    },
}


def _quote_family(name: str) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        opening, closing = QUOTE_MARKS[language]
        first, second = rng.sample(_SPEECH[language], 2)
        quoted = f"{opening}{first}{closing}"
        if name == "quote-two-sentences":
            return f"{opening}{first}. {second}.{closing}"
        if name == "quote-bare-paragraph":
            return f"{opening}{first}.{closing}" if rng.random() < 0.5 else f"{opening}{first}{closing}."
        return _QUOTE_FRAMES[name][language].format(q=quoted)

    return make


# -- generic_filler ---------------------------------------------------------------------------

_FILLER = {
    "filler-outlook": {
        "en": ["The coming period will be decisive for everyone involved.", "Much will depend on the choices that are made now.",
               "Many questions remain open and the answers will take time.", "The road ahead is still long and full of obstacles.",
               "What happens next is anyone's guess at this stage."],
        "fr": ["La période qui s'ouvre sera décisive pour tous les acteurs concernés.", "Beaucoup dépendra des choix qui seront faits maintenant.",
               "De nombreuses questions restent ouvertes et les réponses prendront du temps.", "Le chemin à parcourir reste long et semé d'obstacles.",
               "La suite des événements reste difficile à prévoir à ce stade."],
        "de": ["Die kommende Zeit wird für alle Beteiligten entscheidend sein.", "Vieles wird von den Entscheidungen abhängen, die jetzt getroffen werden.",
               "Viele Fragen sind noch offen, und die Antworten werden Zeit brauchen.", "Der Weg ist noch lang und voller Hindernisse.",
               "Wie es weitergeht, lässt sich zum jetzigen Zeitpunkt kaum sagen."],
        "es": ["El periodo que se abre será decisivo para todos los implicados.", "Mucho dependerá de las decisiones que se tomen ahora.",
               "Muchas preguntas siguen abiertas y las respuestas llevarán tiempo.", "El camino por recorrer sigue siendo largo y lleno de obstáculos.",
               "Lo que ocurra a continuación es difícil de prever en este momento."],
    },
    "filler-importance": {
        "en": ["This is an issue that matters to a great many people.", "It touches on questions that go far beyond the local level.",
               "The stakes are high and everyone is aware of it.", "It is a subject that will continue to generate debate.",
               "Its importance should not be underestimated by anyone."],
        "fr": ["C'est un sujet qui concerne énormément de monde.", "Il touche à des questions qui dépassent largement le cadre local.",
               "Les enjeux sont importants et chacun en a conscience.", "C'est un sujet qui continuera de susciter le débat.",
               "Son importance ne doit être sous-estimée par personne."],
        "de": ["Es ist ein Thema, das sehr viele Menschen betrifft.", "Es berührt Fragen, die weit über die lokale Ebene hinausgehen.",
               "Es steht viel auf dem Spiel, und das wissen alle.", "Es ist ein Thema, das weiterhin für Diskussionen sorgen wird.",
               "Seine Bedeutung sollte von niemandem unterschätzt werden."],
        "es": ["Es un asunto que importa a muchísima gente.", "Toca cuestiones que van mucho más allá del ámbito local.",
               "Hay mucho en juego y todo el mundo lo sabe.", "Es un tema que seguirá generando debate.",
               "Nadie debería subestimar su importancia."],
    },
    "filler-atmosphere": {
        "en": ["The atmosphere remains heavy and uncertain.", "Everyone is waiting to see how things will develop.",
               "Emotions are running high on all sides.", "The situation could change quickly in one direction or the other.",
               "For now, caution is the order of the day."],
        "fr": ["L'atmosphère reste lourde et incertaine.", "Chacun attend de voir comment les choses vont évoluer.",
               "Les esprits s'échauffent de tous les côtés.", "La situation pourrait évoluer rapidement dans un sens comme dans l'autre.",
               "Pour l'heure, la prudence est de mise."],
        "de": ["Die Stimmung bleibt gedrückt und unsicher.", "Alle warten ab, wie sich die Dinge entwickeln werden.",
               "Auf allen Seiten kochen die Gefühle hoch.", "Die Lage könnte sich schnell in die eine oder andere Richtung ändern.",
               "Vorerst ist Vorsicht geboten."],
        "es": ["El ambiente sigue siendo pesado e incierto.", "Todos esperan a ver cómo evolucionan las cosas.",
               "Los ánimos están caldeados en todos los bandos.", "La situación podría cambiar rápidamente en un sentido u otro.",
               "Por ahora, la prudencia es la norma."],
    },
    "filler-conclusion": {
        "en": ["In the end, it is a question of balance and of common sense.", "There are no easy answers to such a complex problem.",
               "Everyone will have to make an effort for things to move forward.", "It is a matter that concerns us all, in one way or another.",
               "Only the future will show whether the right path was chosen."],
        "fr": ["Au final, c'est une question d'équilibre et de bon sens.", "Il n'existe pas de réponse simple à un problème aussi complexe.",
               "Chacun devra faire un effort pour que les choses avancent.", "C'est une affaire qui nous concerne tous, d'une manière ou d'une autre.",
               "Seul l'avenir dira si la bonne voie a été choisie."],
        "de": ["Am Ende ist es eine Frage des Gleichgewichts und des gesunden Menschenverstands.", "Auf ein so komplexes Problem gibt es keine einfachen Antworten.",
               "Alle werden sich anstrengen müssen, damit es vorangeht.", "Es ist eine Angelegenheit, die uns alle auf die eine oder andere Weise betrifft.",
               "Erst die Zukunft wird zeigen, ob der richtige Weg gewählt wurde."],
        "es": ["Al final, es una cuestión de equilibrio y de sentido común.", "No hay respuestas fáciles para un problema tan complejo.",
               "Todos tendrán que hacer un esfuerzo para que las cosas avancen.", "Es un asunto que nos concierne a todos, de una forma u otra.",
               "Solo el futuro dirá si se eligió el camino correcto."],
    },
}


def _filler_family(name: str) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        return " ".join(rng.sample(_FILLER[name][language], rng.choice([3, 4])))

    return make


# -- furniture --------------------------------------------------------------------------------

_FURNITURE = {
    "furniture-read-also": {
        "en": ["Read also: {headline}", "READ MORE: {headline}", "Related: {headline}"],
        "fr": ["Lire aussi : {headline}", "À lire aussi : {headline}", "LIRE AUSSI {headline}"],
        "de": ["Lesen Sie auch: {headline}", "Mehr zum Thema: {headline}", "Auch interessant: {headline}"],
        "es": ["Lea también: {headline}", "Te puede interesar: {headline}", "LEER MÁS: {headline}"],
    },
    "furniture-subscribe": {
        "en": ["Subscribe to our newsletter to get the day's top stories in your inbox.", "Sign up for our daily briefing."],
        "fr": ["Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.", "Inscrivez-vous à notre lettre quotidienne."],
        "de": ["Abonnieren Sie unseren Newsletter und erhalten Sie die wichtigsten Nachrichten des Tages.", "Melden Sie sich für unseren täglichen Newsletter an."],
        "es": ["Suscríbase a nuestro boletín para recibir las noticias más importantes del día.", "Apúntate a nuestra newsletter diaria."],
    },
    "furniture-share-app": {
        "en": ["Share on Facebook Share on Twitter Share by email", "Download our app to follow the news live."],
        "fr": ["Partager sur Facebook Partager sur Twitter Envoyer par e-mail", "Téléchargez notre application pour suivre l'actualité en direct."],
        "de": ["Auf Facebook teilen Auf Twitter teilen Per E-Mail teilen", "Laden Sie unsere App herunter, um die Nachrichten live zu verfolgen."],
        "es": ["Compartir en Facebook Compartir en Twitter Enviar por correo", "Descarga nuestra aplicación para seguir la actualidad en directo."],
    },
}
_HEADLINES = {
    "en": ["Ferry services suspended after storm", "Council approves new budget", "Local team wins regional cup"],
    "fr": ["Les ferries suspendus après la tempête", "Le conseil adopte le nouveau budget", "L'équipe locale remporte la coupe"],
    "de": ["Fährverkehr nach Sturm eingestellt", "Gemeinderat beschließt neuen Haushalt", "Heimteam gewinnt den Regionalpokal"],
    "es": ["Suspendidos los ferris tras el temporal", "El ayuntamiento aprueba el nuevo presupuesto", "El equipo local gana la copa"],
}


def _furniture_family(name: str) -> Callable[[str, random.Random], str]:
    def make(language: str, rng: random.Random) -> str:
        return rng.choice(_FURNITURE[name][language]).format(headline=rng.choice(_HEADLINES[language]))

    return make


FAMILIES: list[Family] = [
    *(Family("undisclosed_promotion", name, _promotion(templates), "inline") for name, templates in _PROMO_TEMPLATES.items()),
    *(Family("date_inconsistent", name, _weekday_family(name), "inline") for name in _DATE_SENTENCES),
    *(Family("date_inconsistent", name, _impossible_family(name), "inline") for name in _IMPOSSIBLE_SENTENCES),
    *(Family("unsourced_quote", name, _quote_family(name), "paragraph") for name in _QUOTE_FRAMES),
    *(Family("generic_filler", name, _filler_family(name), "paragraph") for name in _FILLER),
    *(Family("furniture", name, _furniture_family(name), "paragraph") for name in _FURNITURE),
]


# -- planting ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý\"“«„¿¡])")


def plant(host: str, language: str, family: Family, seed: str) -> tuple[str, str]:
    """``(new text, planted text)``: the family's text put near the middle of ``host``."""
    rng = random.Random(hashlib.sha256(f"{seed}/{family.name}/{language}".encode()).digest())
    planted = family.make(language, rng)
    cuts = [m.start() for m in _SENTENCE_END.finditer(host)] + [m.start() for m in re.finditer(r"\n", host)]
    cuts = sorted({c for c in cuts if 0.25 * len(host) <= c <= 0.8 * len(host)}) or [len(host)]
    cut = rng.choice(cuts)
    before, after = host[:cut].rstrip(), host[cut:].lstrip()
    if family.placement == "paragraph" or family.kind == "furniture":
        return f"{before}\n\n{planted}\n\n{after}", planted
    return f"{before} {planted} {after}", planted
