#!/usr/bin/env python3
"""Writes assets/demo/feed.json, the bundled DEMONSTRATION festival (schedule feed v1).

Everything in it is fictional: the films, the people, the venues and their addresses. The output
depends only on this file (fixed seed, fixed dates, no clock), so running it twice gives the same
bytes. Python 3 standard library only.

Usage, from anywhere:
    python3 assets/demo/make-demo-feed.py            # write feed.json, then sign it if it can
    python3 assets/demo/make-demo-feed.py --no-sign  # write feed.json only

Posters: assets/demo/posters/*.png are made once with ImageMagick `convert` when they are missing.
If they exist, they are only hashed, so ImageMagick is not needed to regenerate the feed. Delete a
poster to have it drawn again (another ImageMagick version may give other bytes; that is fine,
since the feed lists whatever hash the file has).

Signing: with minisign installed and the demo key present, the script signs the feed itself. The
exact command, run from the repository root, is:
    minisign -S -s assets/demo/keys/demo-NOT-FOR-PRODUCTION.key -m assets/demo/feed.json -t "aff-kiosk-feed sequence=1 DEMO DATA, NOT FOR PRODUCTION"
and to verify:
    minisign -V -p assets/demo/keys/demo-NOT-FOR-PRODUCTION.pub -m assets/demo/feed.json
The demo key pair was made with (no password):
    minisign -G -W -p assets/demo/keys/demo-NOT-FOR-PRODUCTION.pub -s assets/demo/keys/demo-NOT-FOR-PRODUCTION.key
"""

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FEED_PATH = HERE / "feed.json"
POSTER_DIR = HERE / "posters"
KEY_DIR = HERE / "keys"
SECRET_KEY = KEY_DIR / "demo-NOT-FOR-PRODUCTION.key"
PUBLIC_KEY = KEY_DIR / "demo-NOT-FOR-PRODUCTION.pub"

SEQUENCE = 1
TRUSTED_COMMENT = f"aff-kiosk-feed sequence={SEQUENCE} DEMO DATA, NOT FOR PRODUCTION"

FIRST_DAY = dt.date(2018, 9, 15)
DAY_COUNT = 5
UTC_OFFSET = "+06:00"  # Asia/Almaty in 2018

LAST_REGULAR_START = 23 * 60 + 30
CLEANING_MIN = 15
QA_MIN = 30      # the Q&A after a screening with the film's team
INTRO_MIN = 10   # retrospective screenings open with a short talk


def T(kk, ru, en):
    """A Text: the same words in Kazakh, Russian and English."""
    return {"kk": kk, "ru": ru, "en": en}


def stamp(day, minute):
    """RFC 3339 local time of festival day `day` (0-based) plus `minute` after its midnight."""
    moment = dt.datetime.combine(FIRST_DAY, dt.time()) + dt.timedelta(days=day, minutes=minute)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + UTC_OFFSET


def at(date_text, hhmm):
    return f"{date_text}T{hhmm}:00{UTC_OFFSET}"


def hm(text):
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def round_up(minute, step=5):
    return -(-minute // step) * step


# ---------------------------------------------------------------------------------------------
# Sections

SECTIONS = [
    {"id": "competition", "name": T("Халықаралық байқау", "Международный конкурс",
                                    "International Competition"), "color": "#9B2335"},
    {"id": "kazakh-panorama", "name": T("Қазақ панорамасы", "Казахская панорама",
                                        "Kazakh Panorama"), "color": "#1D6A8A"},
    {"id": "documentary", "name": T("Деректі фильмдер", "Документальное кино",
                                    "Documentaries"), "color": "#5A4A8C"},
    {"id": "shorts", "name": T("Қысқа метражды фильмдер", "Короткометражные фильмы",
                               "Short Films"), "color": "#2F7D4E"},
    {"id": "retrospective", "name": T("Ретроспектива: Қуаныш Байменов",
                                      "Ретроспектива: Куаныш Байменов",
                                      "Retrospective: Kuanysh Baimenov"), "color": "#7A5230"},
    {"id": "family", "name": T("Отбасылық көрсетілімдер", "Семейные показы",
                               "Family Screenings"), "color": "#A84B16"},
]

# ---------------------------------------------------------------------------------------------
# Venues and halls

VENUES = [
    {
        "id": "palace",
        "name": T("«Жетісу» фестиваль сарайы", "Фестивальный дворец «Жетысу»",
                  "Zhetysu Festival Palace"),
        "address": T("Алматы, Абай даңғылы, 48", "Алматы, проспект Абая, 48",
                     "48 Abai Avenue, Almaty"),
        "location": {"lat": 43.2402, "lon": 76.9291},
        "halls": [
            {"id": "palace-grand", "name": T("Үлкен зал", "Большой зал", "Grand Hall"),
             "seats": 820, "map_node": "l1-hall-grand"},
            {"id": "palace-small", "name": T("Кіші зал", "Малый зал", "Small Hall"),
             "seats": 260, "map_node": "l1-hall-small"},
            {"id": "palace-blue", "name": T("Көк зал", "Синий зал", "Blue Hall"),
             "seats": 310, "map_node": "l2-hall-blue"},
            {"id": "palace-chamber", "name": T("Камералық зал", "Камерный зал", "Chamber Hall"),
             "seats": 90, "map_node": "l2-hall-chamber"},
        ],
    },
    {
        "id": "samal",
        "name": T("«Самал» кинотеатры", "Кинотеатр «Самал»", "Samal Cinema"),
        "address": T("Алматы, Достық даңғылы, 136", "Алматы, проспект Достык, 136",
                     "136 Dostyk Avenue, Almaty"),
        "location": {"lat": 43.2236, "lon": 76.9578},
        "halls": [
            {"id": "samal-1", "name": T("1-зал", "Зал 1", "Hall 1"), "seats": 420},
            {"id": "samal-2", "name": T("2-зал", "Зал 2", "Hall 2"), "seats": 220},
            {"id": "samal-3", "name": T("3-зал", "Зал 3", "Hall 3"), "seats": 140},
        ],
    },
    {
        "id": "alatau",
        "name": T("«Алатау» кинотеатры", "Кинотеатр «Алатау»", "Alatau Cinema"),
        "address": T("Алматы, Желтоқсан көшесі, 89", "Алматы, улица Желтоксан, 89",
                     "89 Zheltoksan Street, Almaty"),
        "location": {"lat": 43.2561, "lon": 76.9442},
        "halls": [
            {"id": "alatau-red", "name": T("Қызыл зал", "Красный зал", "Red Hall"), "seats": 350},
            {"id": "alatau-green", "name": T("Жасыл зал", "Зелёный зал", "Green Hall"),
             "seats": 180},
        ],
    },
    {
        "id": "cinematheque",
        "name": T("Алматы синематекасы", "Алматинская синематека", "Almaty Cinematheque"),
        "address": T("Алматы, Төле би көшесі, 61", "Алматы, улица Толе би, 61",
                     "61 Tole Bi Street, Almaty"),
        "location": {"lat": 43.2528, "lon": 76.9307},
        "halls": [
            {"id": "cinematheque-main", "name": T("Негізгі зал", "Основной зал", "Main Hall"),
             "seats": 190},
            {"id": "cinematheque-studio", "name": T("Студия", "Студия", "Studio"), "seats": 60},
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Films (all fictional)


def film(fid, section, title, year, countries, runtime, age, director, synopsis, spoken, subs,
         original=None):
    record = {"id": fid, "title": title}
    if original:
        record["original_title"] = original
    record.update({"year": year, "countries": countries, "runtime_min": runtime,
                   "age_rating": age, "section": section})
    if director:
        record["director"] = director
    record.update({"synopsis": synopsis, "spoken_languages": spoken, "subtitles": subs})
    return record


FILMS = [
    # International Competition
    film("salt-road", "competition",
         T("Тұз жолы", "Соляная дорога", "The Salt Road"), 2018, ["FR", "BE"], 112, "16+",
         T("Марго Делоне", "Марго Делоне", "Margaux Delaunay"),
         T("Жесір қалған жүк көлігінің жүргізушісі әйел Пиреней арқылы соңғы рет тұз тасуға "
           "келіседі. Жолда ол әлдебір нәрседен қашып жүрген, бірақ ол туралы айтқысы келмейтін "
           "жасөспірім қызды көлігіне отырғызады.",
           "Овдовевшая дальнобойщица соглашается в последний раз провезти груз соли через "
           "Пиренеи. В дороге она подбирает девочку-подростка, которая от чего-то бежит, но не "
           "хочет об этом говорить.",
           "A widowed truck driver agrees to haul one last load of salt across the Pyrenees. On "
           "the way she picks up a teenage girl who is running from something she refuses to "
           "talk about."),
         ["fr"], ["kk", "ru"], original="La Route du sel"),
    film("moon-over-jeju", "competition",
         T("Чеджу үстіндегі ай", "Луна над Чеджу", "Moon Over Jeju"), 2017, ["KR"], 104, "12+",
         T("Юн Да Хе", "Юн Да Хе", "Yoon Da-hye"),
         T("Қарт хэнё-сүңгуір әйел отбасылық үйін курорт салушы компанияға сатудан бас тартады. "
           "Оны көндіру үшін Сеулден келген немересі сүңгу маусымы біткенше аралда қалып қояды.",
           "Пожилая ныряльщица хэнё отказывается продать семейный дом застройщику курорта. "
           "Внучка приезжает из Сеула, чтобы её уговорить, и остаётся на острове на весь сезон.",
           "An elderly haenyeo diver refuses to sell her family house to a resort developer. Her "
           "granddaughter comes from Seoul to talk her round and ends up staying on the island "
           "for the whole season."),
         ["ko"], ["ru", "en"], original="Jejuui Dal"),
    film("winter-apricots", "competition",
         T("Қысқы өріктер", "Зимние абрикосы", "Winter Apricots"), 2018, ["TR", "GE"], 97,
         "12+",
         T("Элиф Караджа", "Элиф Караджа", "Elif Karaca"),
         T("Малатья маңындағы ауылда ағайынды екі жігіт марқұм әкесінен қалған өрік бағы "
           "үшін араздасып қалады. Ерте түскен үсік оларды бір түн бойы қатар жұмыс істеуге "
           "мәжбүр етеді.",
           "В деревне под Малатьей два брата ссорятся из-за абрикосового сада покойного отца. "
           "Ранние заморозки заставляют их одну ночь работать бок о бок.",
           "In a village near Malatya, two brothers fall out over their late father's apricot "
           "orchard. An early frost forces them to work side by side for one night."),
         ["tr"], ["kk", "ru", "en"], original="Kış Kayısıları"),
    film("quiet-border", "competition",
         T("Тыныш шекара", "Тихая граница", "The Quiet Border"), 2018, ["KG", "KZ", "FR"], 118,
         "16+",
         T("Бақыт Осмоналиев", "Бакыт Осмоналиев", "Bakyt Osmonaliev"),
         T("Жас кеден қызметкері қырғыз-тәжік шекарасындағы шалғай таулы бекетке жіберіледі. Ол "
           "ұстауға тиіс контрабандашы бала кезгі досы болып шығады.",
           "Молодого таможенника отправляют на отдалённый горный пост на кыргызско-таджикской "
           "границе. Контрабандист, которого ему велено поймать, оказывается его другом детства.",
           "A young customs officer is sent to a remote mountain post on the Kyrgyz–Tajik "
           "border. The smuggler he has been told to catch turns out to be his childhood "
           "friend."),
         ["ky", "tg"], ["kk", "ru", "en"], original="Тынч чек ара"),
    film("sea-that-left", "competition",
         T("Кетіп қалған теңіз", "Ушедшее море", "The Sea That Left"), 2018, ["KZ", "DE"], 101,
         "12+",
         T("Аружан Кенжебек", "Аружан Кенжебек", "Aruzhan Kenzhebek"),
         T("Арал қаласындағы балықшының жесірі бірнеше онжылдық бұрын шегініп кеткен теңізге "
           "арнап әлі күнге дейін ау жамайды. Бос бөлмесін неміс зерттеушісіне жалға "
           "бергенде, әйел оған өз қаласының тарихын айта бастайды.",
           "Вдова рыбака из Аральска продолжает чинить сети для моря, которое ушло несколько "
           "десятилетий назад. Когда комнату у неё снимает немецкий исследователь, она начинает "
           "рассказывать историю своего города.",
           "A fisherman's widow in Aralsk still mends nets for a sea that retreated decades ago. "
           "When a German researcher rents her spare room, she begins to tell him the story of "
           "her town."),
         ["kk", "de"], ["ru", "en"]),
    film("nine-days-tbilisi", "competition",
         T("Тбилисидегі тоғыз күн", "Девять дней в Тбилиси", "Nine Days in Tbilisi"), 2017,
         ["GE", "FR"], 95, "16+",
         T("Тамар Квирикашвили", "Тамар Квирикашвили", "Tamar Kvirikashvili"),
         T("Пианист әйел анасының пәтерін сату үшін Тбилисиге оралады, пәтерді босатуға оның "
           "небәрі тоғыз күні бар. Тапқан әрбір заты оны ұмытқысы келген өткеніне қайта жетелейді.",
           "Пианистка возвращается в Тбилиси, чтобы продать квартиру матери, и у неё есть девять "
           "дней, чтобы её освободить. Каждая найденная вещь открывает ещё одну дверь в прошлое, "
           "которое она пыталась забыть.",
           "A pianist returns to Tbilisi to sell her mother's flat and has nine days to clear it. "
           "Every object she finds opens another door to a past she has tried to forget."),
         ["ka"], ["ru", "en"], original="Tskhra Dghe Tbilisshi"),
    film("lighthouse-keepers-daughter", "competition",
         T("Маяк күзетшісінің қызы", "Дочь смотрителя маяка",
           "The Lighthouse Keeper's Daughter"), 2018, ["NO", "SE"], 108, "12+",
         T("Ингрид Сольберг", "Ингрид Сольберг", "Ingrid Solberg"),
         T("Норвегия жағалауындағы шағын аралда әкесі ауырып қалғаннан кейін қыз маякты жалғыз өзі "
           "басқарады. Билік маякты автоматтандыруды ұйғарғанда, оның алдында соңғы бір қыс қана "
           "қалады.",
           "На маленьком острове у берегов Норвегии девочка после болезни отца одна "
           "поддерживает работу маяка. Когда власти решают автоматизировать маяк, у неё "
           "остаётся последняя зима.",
           "On a small island off the Norwegian coast, a girl keeps the lighthouse running on her "
           "own after her father falls ill. When the authorities decide to automate the light, "
           "she has one winter left."),
         ["no"], ["ru", "en"], original="Fyrvokterens datter"),
    film("room-in-isfahan", "competition",
         T("Исфахандағы бөлме", "Комната в Исфахане", "A Room in Isfahan"), 2018, ["IR", "FR"],
         99, "16+",
         T("Реза Таваколи", "Реза Таваколи", "Reza Tavakoli"),
         T("Каллиграф шеберханасының артқы бөлмесін сәулет ісін оқитын жас студентке жалға "
           "береді. Бір оқу жылы ішінде олардың сұлулық туралы дауы күтпеген достыққа ұласады.",
           "Каллиграф сдаёт заднюю комнату своей мастерской молодому студенту-архитектору. За "
           "один учебный год их споры о красоте перерастают в неожиданную дружбу.",
           "A calligrapher rents the back room of his workshop to a young architecture student. "
           "Over one academic year, their arguments about beauty turn into an unlikely "
           "friendship."),
         ["fa"], ["kk", "ru", "en"], original="Otaghi dar Esfahan"),
    film("paper-cranes", "competition",
         T("Қағаз тырналар", "Бумажные журавли", "Paper Cranes"), 2017, ["JP"], 88, "12+",
         T("Мори Юки", "Мори Юки", "Mori Yuki"),
         T("Хиросимадағы зейнеткер пошташы көрші баланы қағаздан тырна жасауға үйретеді. Ата-анасы "
           "ажырасқаннан бері үндемей кеткен бала оған тек бүктелген қағаз арқылы жауап береді.",
           "Пенсионер-почтальон из Хиросимы учит соседского мальчика складывать бумажных "
           "журавликов. Мальчик, который перестал говорить после развода родителей, отвечает "
           "ему только сложенной бумагой.",
           "A retired postman in Hiroshima teaches the boy next door to fold paper cranes. The "
           "boy, who has not spoken since his parents' divorce, answers him only in folded "
           "paper."),
         ["ja"], ["ru", "en"], original="Orizuru"),
    film("last-summer-samarkand", "competition",
         T("Самарқандтағы соңғы жаз", "Последнее лето в Самарканде",
           "The Last Summer in Samarkand"), 2018, ["UZ", "FR"], 115, "12+",
         T("Дилноза Рахимова", "Дилноза Рахимова", "Dilnoza Rakhimova"),
         T("1991 жыл. Самарқандтағы қыш шеберлерінің отбасы үлкен қызының тойына дайындалып жатыр, "
           "ал айналадағы ел апта сайын өзгеріп барады.",
           "1991 год. Семья гончаров из Самарканда готовится к свадьбе старшей дочери, а страна "
           "вокруг меняется с каждой неделей.",
           "1991. A family of potters in Samarkand prepares for their eldest daughter's wedding "
           "while the country around them changes week by week."),
         ["uz", "ru"], ["kk", "en"], original="Samarqanddagi soʻnggi yoz"),

    # Kazakh Panorama
    film("last-rider", "kazakh-panorama",
         T("Соңғы шабандоз", "Последний всадник", "The Last Rider"), 2018, ["KZ"], 106, "12+",
         T("Нұрбол Жақсылықов", "Нурбол Жаксылыков", "Nurbol Zhaksylykov"),
         T("Қартайып қалған көкпаршы немересін облыстық үлкен жарысқа дайындайды. Ал бала "
           "Алматыда музыка оқуды жасырын армандайды.",
           "Стареющий наездник-кокпарист готовит внука к большому областному турниру. А "
           "мальчик втайне мечтает учиться музыке в Алматы.",
           "An ageing kokpar rider trains his grandson for the big regional tournament. The boy "
           "secretly dreams of studying music in Almaty."),
         ["kk"], ["ru", "en"]),
    film("apple-season", "kazakh-panorama",
         T("Алма маусымы", "Яблочный сезон", "Apple Season"), 2018, ["KZ"], 94, "12+",
         T("Сәуле Аманжолова", "Сауле Аманжолова", "Saule Amanzholova"),
         T("Үш буынның әйелдері Алматы маңындағы тау бөктеріндегі үйге соңғы апорт алмасын "
           "теруге жиналады. Олардың бірі бақтың сатылатынын айту үшін келген.",
           "Три поколения женщин собираются в доме в предгорьях над Алматы, чтобы собрать "
           "последние яблоки апорт. Одна из них приехала сообщить, что сад продаётся.",
           "Three generations of women gather at a house in the foothills above Almaty to pick "
           "the last aport apples. One of them has come to say that the orchard is being sold."),
         ["kk", "ru"], ["en"]),
    film("night-shift-karaganda", "kazakh-panorama",
         T("Қарағандыдағы түнгі ауысым", "Ночная смена в Караганде",
           "Night Shift in Karaganda"), 2017, ["KZ"], 98, "16+",
         T("Тимур Баймұханов", "Тимур Баймуханов", "Timur Baimukhanov"),
         T("Қалалық ауруханада түнгі ауысымда істейтін мейірбике інісіне адвокат жалдау үшін ақша "
           "жинауға тырысады. Бір түні ауруханаға бәрін өзгертуі мүмкін науқас түседі.",
           "Медсестра, работающая в ночную смену в городской больнице, пытается собрать деньги "
           "на адвоката для брата. Однажды ночью в больницу поступает пациент, который может всё "
           "изменить.",
           "A nurse on night shifts at a city hospital tries to raise money for her brother's "
           "lawyer. One night a patient arrives who could change everything."),
         ["ru", "kk"], ["en"]),
    film("astana-1997", "kazakh-panorama",
         T("Астана, 1997", "Астана, 1997", "Astana, 1997"), 2018, ["KZ"], 110, "16+",
         T("Әйгерім Сейітқали", "Айгерим Сейткали", "Aigerim Seitkali"),
         T("Елорда солтүстікке көшкен жылы алматылық жас инженер кран мен батпаққа толы қалаға "
           "жіберіледі. Ол өз еркінен тыс бұл қаланы жақсы көріп қалады.",
           "В год, когда столица переезжает на север, молодого инженера из Алматы отправляют в "
           "город кранов и грязи. Против собственной воли он влюбляется в него.",
           "In the year the capital moves north, a young engineer from Almaty is sent to a city "
           "of cranes and mud. Against his will, he falls in love with it."),
         ["ru", "kk"], ["en"]),
    film("the-ranger", "kazakh-panorama",
         T("Қорықшы", "Егерь", "The Ranger"), 2018, ["KZ"], 92, "12+",
         T("Марат Тоқтаров", "Марат Токтаров", "Marat Tokhtarov"),
         T("Алматы қорығының қорықшысы қар бетіндегі браконьердің ізіне түседі. Тауға тереңдеген "
           "сайын ол кім кімді аңдып жүргенін біле алмай қалады.",
           "Егерь Алматинского заповедника идёт по следам браконьера по снегу. Чем дальше он "
           "уходит в горы, тем меньше уверен, кто на кого охотится.",
           "A ranger in the Almaty Nature Reserve follows a poacher's tracks through the snow. "
           "The further he goes into the mountains, the less sure he is who is hunting whom."),
         ["kk"], ["ru", "en"]),
    film("shanyrak", "kazakh-panorama",
         T("Шаңырақ", "Шанырак", "Shanyrak"), 2017, ["KZ", "MN"], 103, "12+",
         T("Гүлнара Әбдірахманова", "Гульнара Абдрахманова", "Gulnara Abdrakhmanova"),
         T("Моңғолияда қырық жыл тұрған қандас отбасы Шығыс Қазақстандағы ауылға оралады. Мұнда "
           "қалғысы келмейтін жалғыз адам — кенже ұлы.",
           "Прожив сорок лет в Монголии, семья кандасов возвращается в аул в Восточном "
           "Казахстане. Младший сын — единственный, кто не хочет оставаться.",
           "After forty years in Mongolia, a Kazakh family returns to a village in East "
           "Kazakhstan. The youngest son is the only one who does not want to stay."),
         ["kk", "mn"], ["ru", "en"]),
    film("taxi-to-medeu", "kazakh-panorama",
         T("Медеуге такси", "Такси до Медеу", "Taxi to Medeu"), 2018, ["KZ"], 89, "16+",
         T("Руслан Ысқақов", "Руслан Искаков", "Ruslan Iskakov"),
         T("Жаңа жыл қарсаңында алматылық такси жүргізушісі бес бейтаныс жолаушыны Медеу мұз "
           "айдынына апаруға келіседі. Бұл сапар түні бойы созылады.",
           "В новогоднюю ночь алматинский таксист соглашается отвезти пятерых незнакомцев на "
           "каток Медеу. Поездка затягивается на всю ночь.",
           "On New Year's Eve an Almaty taxi driver agrees to take five strangers up to the Medeu "
           "ice rink. The ride lasts all night."),
         ["ru", "kk"], ["en"]),
    film("the-well", "kazakh-panorama",
         T("Құдық", "Колодец", "The Well"), 2018, ["KZ"], 84, "12+",
         T("Жанар Бекова", "Жанар Бекова", "Zhanar Bekova"),
         T("Қызылорда облысындағы құрғақшылық жайлаған ауылда қыз бен атасы жаңа құдық қазуға "
           "кіріседі. Бүкіл ауыл қарап тұр, бірақ ешкім көмектеспейді.",
           "В засушливом селе Кызылординской области девочка и её дед пытаются выкопать новый "
           "колодец. Вся деревня наблюдает, но никто не помогает.",
           "In a drought-stricken village in the Kyzylorda region, a girl and her grandfather set "
           "out to dig a new well. The whole village watches, and nobody helps."),
         ["kk"], ["ru", "en"]),
    film("seven-flavours", "kazakh-panorama",
         T("Жеті дәм", "Семь вкусов", "Seven Flavours"), 2018, ["KZ"], 96, "6+",
         T("Мадина Төлегенова", "Мадина Тулегенова", "Madina Tulegenova"),
         T("Шымкенттен Мәскеуге кеткен аспаз қыз Наурыз мейрамында араздасып жүрген әкесіне ас "
           "әзірлеу үшін үйіне оралады. Наурыз көже жеті дәмнен тұрады, әрқайсысы бір естелікті "
           "оятады.",
           "Повар, уехавшая из Шымкента в Москву, возвращается домой на Наурыз, чтобы приготовить "
           "ужин для отца, с которым давно в ссоре. В наурыз-коже семь ингредиентов, и каждый "
           "пробуждает воспоминание.",
           "A chef who left Shymkent for Moscow comes home for Nauryz to cook for the father she "
           "has not spoken to in years. Nauryz kozhe has seven ingredients, and each one brings "
           "back a memory."),
         ["kk", "ru"], ["en"]),

    # Documentaries
    film("what-the-river-remembers", "documentary",
         T("Өзен нені есте сақтайды: Іле алқабының әңгімелері",
           "Что помнит река: истории долины Или",
           "What the River Remembers: Stories from the Ili Valley"), 2018, ["KZ"], 78, "6+",
         T("Әсел Жұмағұлова", "Асель Жумагулова", "Assel Zhumagulova"),
         T("Балықшылар, диқандар және зейнеткер гидроинженер Балқаш көлін қоректендіретін Іле "
           "өзені туралы әңгімелейді. Олардың естеліктерінен қиын жағдайға тап болған өзеннің "
           "бейнесі құралады.",
           "Рыбаки, фермеры и инженер-гидростроитель на пенсии рассказывают о реке Или, которая "
           "питает озеро Балхаш. Из их воспоминаний складывается портрет реки, которой грозит "
           "беда.",
           "Fishermen, farmers and a retired dam engineer talk about the Ili, the river that "
           "feeds Lake Balkhash. Their memories add up to a portrait of a river in trouble."),
         ["kk", "ru"], ["en"]),
    film("the-archive", "documentary",
         T("Мұрағат", "Архив", "The Archive"), 2017, ["KZ"], 72, "12+",
         T("Дмитрий Волков", "Дмитрий Волков", "Dmitry Volkov"),
         T("Алматыдағы екі мұрағатшы бір жыл бойы 1930–1960 жылдардағы қазақ кинохроникасының "
           "таспаларын қалпына келтіреді. Фильм олардың не тапқанын және нені біржола "
           "жоғалтқанын көрсетеді.",
           "Два архивиста в Алматы целый год реставрируют плёнки казахской кинохроники "
           "1930–1960-х годов. Фильм показывает, что им удалось найти, а что утрачено навсегда.",
           "Two archivists in Almaty spend a year restoring reels of Kazakh newsreels from the "
           "1930s to the 1960s. The film shows what they find and what has been lost for good."),
         ["ru", "kk"], ["en"]),
    film("eagle-and-wind", "documentary",
         T("Қыран мен жел", "Беркут и ветер", "The Eagle and the Wind"), 2018, ["KZ", "MN"], 81,
         "6+",
         T("Ербол Қасымов", "Ербол Касымов", "Yerbol Kassymov"),
         T("Алтайдағы қарт бүркітші соңғы бүркітін табиғатқа қайтарар алдында баптайды. Тауда "
           "өткен бір жыл — маусымнан маусымға.",
           "Старый беркутчи на Алтае готовит своего последнего беркута, прежде чем отпустить его "
           "на волю. Один год в горах — от сезона к сезону.",
           "An old eagle hunter in the Altai trains his last golden eagle before releasing it "
           "into the wild. One year in the mountains, season by season."),
         ["kk"], ["ru", "en"]),
    film("children-of-baikonur", "documentary",
         T("Байқоңыр балалары", "Дети Байконура", "Children of Baikonur"), 2018, ["KZ", "FR"],
         76, "6+",
         T("Полин Жирар", "Полин Жирар", "Pauline Girard"),
         T("Байқоңыр қаласында өсіп келе жатқан жасөспірімдер ғарышқа ұшқан зымырандарды шығарып "
           "салып, өздері даладан қалай кетуді ойлайды. Мектеп, зымыран ұшырылымдары мен "
           "алғашқы махаббатқа толы бір жыл.",
           "Подростки из города Байконур провожают ракеты в космос и думают о том, как им самим "
           "выбраться из степи. Год школы, запусков и первой любви.",
           "Teenagers growing up in the town of Baikonur watch rockets leave for space and "
           "wonder how they will ever leave the steppe. A year of school, launches and first "
           "love."),
         ["ru", "kk"], ["en", "fr"]),
    film("voices-green-bazaar", "documentary",
         T("Көк базар дауыстары", "Голоса Зелёного базара", "Voices of the Green Bazaar"), 2018,
         ["KZ"], 70, "0+",
         T("Камила Нұрпейісова", "Камила Нурпеисова", "Kamila Nurpeisova"),
         T("Таң атқаннан базар жабылғанға дейін Алматыдағы Көк базардың саудагерлері өз өмірі "
           "туралы айтады. Кептірілген жемістер, өсек-аяң және қаланың отыз жылдық тарихы.",
           "С рассвета до закрытия торговцы алматинского Зелёного базара рассказывают о своей "
           "жизни. Сухофрукты, сплетни и тридцать лет истории города.",
           "From dawn until closing time, the traders of Almaty's Green Bazaar talk about their "
           "lives. Dried fruit, gossip and thirty years of the city's history."),
         ["kk", "ru", "uz"], ["en"]),
    film("teacher-of-tuzkol", "documentary",
         T("Тұзкөлдегі мұғалім", "Учительница из Тузколя", "The Teacher of Tuzkol"), 2017,
         ["KZ"], 74, "0+",
         T("Айдана Мұхтар", "Айдана Мухтар", "Aidana Mukhtar"),
         T("Таулы ауылдағы мектептің жалғыз мұғалімі әр жастағы тоғыз баланы бір сыныпта "
           "оқытады. Фильм мектеп жабылар алдындағы оның соңғы жылы туралы баяндайды.",
           "Единственная учительница горной сельской школы учит девятерых детей разного возраста "
           "в одном классе. Фильм рассказывает о её последнем годе перед закрытием школы.",
           "The only teacher in a mountain village school teaches nine children of all ages in "
           "one classroom. The film follows her last year before the school closes."),
         ["kk"], ["ru", "en"]),
    film("tightrope-walkers", "documentary",
         T("Дорбаздар", "Канатоходцы", "The Tightrope Walkers"), 2018, ["FR", "BE"], 83, "6+",
         T("Жюльен Маршан", "Жюльен Маршан", "Julien Marchand"),
         T("Лиондық дорбаздар әулеті жаңа қойылымға дайындалып жатыр, ал кенже қыз циркті тастап "
           "кету-кетпеуді шешуі керек. Төрт буын, бір арқан.",
           "Семья канатоходцев из Лиона готовит новое представление, а младшая дочь решает, "
           "уйти ли ей из цирка. Четыре поколения, один канат.",
           "A family of tightrope walkers from Lyon prepares a new show while the youngest "
           "daughter decides whether to leave the circus. Four generations, one wire."),
         ["fr"], ["kk", "ru"], original="Les Funambules"),

    # Short film programmes
    film("shorts-first-love", "shorts",
         T("Қысқа метраж 1: Алғашқы махаббат", "Короткий метр 1: Первая любовь",
           "Shorts 1: First Love"), 2018, ["KZ", "FR", "KR", "PL"], 85, "12+", None,
         T("Алғаш ғашық болу туралы төрт елден келген алты қысқа метражды фильм.",
           "Шесть короткометражных фильмов из четырёх стран о том, как влюбляются впервые.",
           "Six short films from four countries about falling in love for the first time."),
         ["kk", "fr", "ko", "pl"], ["ru", "en"]),
    film("shorts-the-city", "shorts",
         T("Қысқа метраж 2: Қала", "Короткий метр 2: Город", "Shorts 2: The City"), 2018,
         ["KZ", "DE", "GE", "UZ"], 90, "16+", None,
         T("Алматы, Берлин, Тбилиси және Ташкент: үлкен қала мен ондағы шағын оқиғалар "
           "туралы жеті фильм.",
           "Алматы, Берлин, Тбилиси и Ташкент: семь фильмов о большом городе и маленьких "
           "историях в нём.",
           "Almaty, Berlin, Tbilisi and Tashkent: seven films about big cities and the small "
           "stories inside them."),
         ["kk", "ru", "de", "ka", "uz"], ["en"]),
    film("shorts-family", "shorts",
         T("Қысқа метраж 3: Отбасы", "Короткий метр 3: Семья", "Shorts 3: Family"), 2018,
         ["KZ", "TR", "IR", "ES"], 80, "12+", None,
         T("Ата-аналар, балалар және олардың арасындағы айтылмаған сөздер туралы бес фильм.",
           "Пять фильмов о родителях, детях и словах, которые остаются несказанными.",
           "Five films about parents, children and the things they leave unsaid."),
         ["kk", "tr", "fa", "es"], ["ru", "en"]),
    film("shorts-kazakh", "shorts",
         T("Қысқа метраж 4: Қазақстан", "Короткий метр 4: Казахстан",
           "Shorts 4: Made in Kazakhstan"), 2018, ["KZ"], 95, "16+", None,
         T("Алматы, Шымкент және Өскемен қалаларының жас режиссерлері түсірген сегіз жаңа қысқа "
           "метражды фильм.",
           "Восемь новых короткометражек молодых режиссёров из Алматы, Шымкента и "
           "Усть-Каменогорска.",
           "Eight new short films by young directors from Almaty, Shymkent and Oskemen."),
         ["kk", "ru"], ["en"]),
    film("shorts-students", "shorts",
         T("Қысқа метраж 5: Студенттік фильмдер", "Короткий метр 5: Студенческое кино",
           "Shorts 5: Student Films"), 2018, ["KZ", "KG", "RU", "IT"], 88, "12+", None,
         T("Орталық Азия мен Еуропадағы киномектептер түлектерінің диплом жұмыстары.",
           "Дипломные работы выпускников киношкол Центральной Азии и Европы.",
           "Graduation films from film schools in Central Asia and Europe."),
         ["kk", "ky", "ru", "it"], ["en"]),

    # Retrospective: Kuanysh Baimenov (a fictional director)
    film("the-schoolmaster", "retrospective",
         T("Ұстаз", "Учитель", "The Schoolmaster"), 1964, ["KZ"], 92, "6+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("1920 жылдары жас мұғалім көшпелі ауылда алғашқы мектепті ашады. Ақсақалдар қарсы "
           "болса да, балалар мектепке келе береді.",
           "В 1920-е годы молодой учитель открывает первую школу в кочевом ауле. Старейшины "
           "против, но дети продолжают приходить.",
           "In the 1920s, a young teacher opens the first school in a nomadic aul. The elders "
           "are against it, but the children keep coming."),
         ["kk"], ["ru", "en"]),
    film("white-camel", "retrospective",
         T("Ақ түйе", "Белый верблюд", "The White Camel"), 1968, ["KZ"], 86, "12+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("Жас шопан қалыңдығының отбасына уәде етілген ақ түйені қайтару үшін Бетпақдала арқылы "
           "сапарға аттанады. Қалпына келтірілген көшірмеде көрсетіледі.",
           "Молодой чабан отправляется через Бетпак-Далу, чтобы вернуть белого верблюда, "
           "обещанного семье невесты. Показ отреставрированной копии.",
           "A young shepherd sets off across the Betpak-Dala to bring back a white camel promised "
           "to his bride's family. Shown in a restored print."),
         ["kk"], ["ru", "en"]),
    film("the-ferryman", "retrospective",
         T("Паромшы", "Паромщик", "The Ferryman"), 1972, ["KZ"], 88, "12+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("Сырдариядағы паромшы отыз жыл бойы адамдарды өзеннің арғы бетіне өткізеді, бірақ өзі "
           "жағасынан бір рет те кетпеген. Бір көктемде тасқын оған бейтаныс адамды алып келеді.",
           "Паромщик на Сырдарье тридцать лет перевозит людей через реку, но сам ни разу не "
           "покидал свой берег. Однажды весной половодье приносит ему незнакомца.",
           "For thirty years a ferryman on the Syr Darya has carried people across the river "
           "without ever leaving his own bank. One spring, a flood brings him a stranger."),
         ["kk"], ["ru", "en"]),
    film("red-tulips", "retrospective",
         T("Қызыл қызғалдақтар", "Красные тюльпаны", "Red Tulips"), 1977, ["KZ"], 95, "12+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("Тың игерілген кеңшардағы геолог қыз бен тракторшы жігіттің махаббат хикаясы. "
           "Көктемгі далада басталған сезім екеуін де өзгертеді.",
           "История любви геолога и тракториста на целинном совхозе. Чувство, начавшееся в "
           "весенней степи, меняет обоих.",
           "A love story between a geologist and a tractor driver on a Virgin Lands state farm. "
           "A feeling that begins in the spring steppe changes them both."),
         ["ru"], ["kk", "en"]),
    film("winter-quarters", "retrospective",
         T("Қыстау", "Зимовье", "Winter Quarters"), 1983, ["KZ"], 101, "12+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("Бір отбасы шалғай қыстауда қатал қысты өткізеді. Толығымен дерлік бір бөлмеде "
           "түсірілген психологиялық драма.",
           "Семья пережидает суровую зиму на отдалённом зимовье. Психологическая драма, снятая "
           "почти целиком в одной комнате.",
           "A family waits out a harsh winter at a remote winter camp. A psychological drama "
           "shot almost entirely in one room."),
         ["kk"], ["ru", "en"]),
    film("echo", "retrospective",
         T("Жаңғырық", "Эхо", "Echo"), 1989, ["KZ"], 90, "16+",
         T("Қуаныш Байменов", "Куаныш Байменов", "Kuanysh Baimenov"),
         T("Дыбыс режиссері ежелгі аспапта ойнайтын соңғы күйшіні жазып алу үшін биік тауға "
           "барады. Оның таспаларына музыкадан да көп нәрсе жазылып қалады.",
           "Звукорежиссёр отправляется высоко в горы, чтобы записать последнего исполнителя на "
           "древнем инструменте. На его плёнки попадает больше, чем музыка.",
           "A sound engineer travels high into the mountains to record the last player of an "
           "ancient instrument. His tapes capture more than music."),
         ["kk", "ru"], ["en"]),

    # Family Screenings
    film("little-snow-leopard", "family",
         T("Кішкентай барыс", "Маленький снежный барс", "The Little Snow Leopard"), 2018, ["KZ"],
         72, "0+",
         T("Алмас Жүнісов", "Алмас Жунусов", "Almas Zhunusov"),
         T("Барыстың күшігі таудан алғаш түскенде адасып қалып, үйіне Алматы қаласы арқылы жол "
           "іздейді. Бүкіл отбасына арналған анимациялық шытырман оқиға.",
           "Детёныш снежного барса впервые спускается с гор, теряется и ищет дорогу домой через "
           "Алматы. Анимационное приключение для всей семьи.",
           "A snow leopard cub gets lost on her first trip down from the mountains and has to "
           "find her way home through Almaty. An animated adventure for the whole family."),
         ["kk"], ["ru"]),
    film("aldar-kose", "family",
         T("Алдар Көсе мен сараң бай", "Алдар-Косе и жадный бай",
           "Aldar Kose and the Greedy Bai"), 2017, ["KZ"], 78, "6+",
         T("Салтанат Ермекова", "Салтанат Ермекова", "Saltanat Yermekova"),
         T("Айлакер Алдар Көсе кедей отбасының жалғыз атын тартып алған сараң байды айласымен "
           "жеңеді. Белгілі қазақ ертегісінің жаңа анимациялық нұсқасы.",
           "Хитрец Алдар-Косе перехитряет жадного бая, который отнял у бедной семьи единственного "
           "коня. Новая анимационная версия известной казахской сказки.",
           "The trickster Aldar Kose outwits a greedy bai who has taken a poor family's only "
           "horse. A new animated version of the well-known Kazakh folk tale."),
         ["kk"], ["ru", "en"]),
    film("the-kite", "family",
         T("Батпырауық", "Воздушный змей", "The Kite"), 2018, ["TR", "KZ"], 82, "6+",
         T("Мехмет Айдын", "Мехмет Айдын", "Mehmet Aydın"),
         T("Қара теңіз жағасындағы шағын қалада тұратын екі бала көктемгі мерекеге алып "
           "батпырауық жасайды. Жеңу үшін оларға көрші қыздың көмегі керек болады.",
           "Двое мальчишек из городка на черноморском побережье строят гигантского воздушного "
           "змея к весеннему празднику. Чтобы победить, им понадобится помощь соседской девочки.",
           "Two boys in a small town on the Black Sea coast build a giant kite for the spring "
           "festival. To win, they will need the help of the girl next door."),
         ["tr"], ["kk", "ru"], original="Uçurtma"),
    film("robot-in-the-attic", "family",
         T("Шатыр астындағы робот", "Робот на чердаке", "The Robot in the Attic"), 2018,
         ["DE", "PL"], 85, "6+",
         T("Лена Хартман", "Лена Хартман", "Lena Hartmann"),
         T("Он жасар Миа шатыр астынан марқұм атасының аяқталмаған роботын тауып алып, оны іске "
           "қосады. Екеуі атасы ешкімге көрсетпеген өнертабысты аяқтауға кіріседі.",
           "Десятилетняя Миа находит на чердаке недоделанного робота покойного деда и оживляет "
           "его. Вместе они берутся закончить изобретение, которое дед никому не показывал.",
           "Ten-year-old Mia finds her late grandfather's unfinished robot in the attic and "
           "brings it to life. Together they set out to finish the invention he never showed "
           "anyone."),
         ["de"], ["kk", "ru"], original="Der Roboter auf dem Dachboden"),
    film("camp-zhuldyz", "family",
         T("«Жұлдыз» лагері", "Лагерь «Жулдыз»", "Camp Zhuldyz"), 2018, ["KZ", "KG"], 90, "6+",
         T("Арман Сейітжанов", "Арман Сейтжанов", "Arman Seitzhanov"),
         T("Ыстықкөл жағасындағы жазғы лагерьде Алматыдан келген ұялшақ қыз кездейсоқ ең әлсіз "
           "топтың капитаны болып шыға келеді. Достық туралы көңілді әрі жылы фильм.",
           "В летнем лагере на берегу Иссык-Куля застенчивая девочка из Алматы случайно "
           "становится капитаном самой безнадёжной команды. Весёлый и тёплый фильм о дружбе.",
           "At a summer camp on the shore of Lake Issyk-Kul, a shy girl from Almaty accidentally "
           "becomes captain of the most hopeless team. A funny, warm film about friendship."),
         ["kk", "ru"], ["en"]),
]

# Films that get a poster: a few from the competition.
POSTER_FILMS = ["salt-road", "moon-over-jeju", "sea-that-left", "nine-days-tbilisi",
                "paper-cranes", "last-summer-samarkand"]

# ---------------------------------------------------------------------------------------------
# The schedule


HALL_PLANS = {
    # hall: (first start, [(section, weight)])
    "palace-grand": ("11:00", [("competition", 5), ("kazakh-panorama", 3), ("family", 1)]),
    "palace-small": ("10:30", [("kazakh-panorama", 3), ("competition", 2), ("documentary", 2)]),
    "palace-blue": ("10:00", [("competition", 3), ("kazakh-panorama", 2), ("family", 1)]),
    "palace-chamber": ("10:15", [("shorts", 3), ("documentary", 2), ("retrospective", 1)]),
    "samal-1": ("10:00", [("competition", 3), ("kazakh-panorama", 3), ("family", 2)]),
    "samal-2": ("10:20", [("kazakh-panorama", 2), ("documentary", 2), ("competition", 2),
                          ("family", 1)]),
    "samal-3": ("10:40", [("shorts", 2), ("documentary", 2), ("competition", 1),
                          ("kazakh-panorama", 1)]),
    "alatau-red": ("10:00", [("family", 3), ("kazakh-panorama", 2), ("competition", 2)]),
    "alatau-green": ("10:30", [("retrospective", 2), ("shorts", 2), ("documentary", 2),
                               ("family", 1)]),
    "cinematheque-main": ("11:00", [("retrospective", 4), ("documentary", 2),
                                    ("competition", 1)]),
    "cinematheque-studio": ("11:30", [("shorts", 3), ("documentary", 2), ("retrospective", 2)]),
}

QA_HALLS = ("palace-grand", "palace-small", "samal-1")

# The opening and closing films premiere at their galas, so nothing shows them earlier.
GALA_STARTS = {"sea-that-left": (0, "19:00"), "apple-season": (4, "19:15")}

# Days are 0-based: 0 is 15 September. Minutes past 24:00 are after midnight, which still belongs
# to the festival day because day_starts_at is 05:00.
MIDNIGHT = 24 * 60

# A moved screening's note says why: the kiosk itself says where it went ("Moved to Hall 1").
NOTE_MOVED_SAMAL = T(
    "Көрермендер көп болғандықтан. Басталу уақыты өзгермейді.",
    "Из-за большого спроса. Время начала прежнее.",
    "Because of high demand. The start time is unchanged.")
NOTE_MOVED_PALACE = T(
    "Көрермендер көп болғандықтан. Көк зал — 2-қабатта. Басталу уақыты өзгермейді.",
    "Из-за большого спроса. Синий зал — на 2-м этаже. Время начала прежнее.",
    "Because of high demand. The Blue Hall is on level 2. The start time is unchanged.")
NOTE_MOVED_CINEMATHEQUE = T(
    "Студиядағы дыбыс жүйесінің ақауына байланысты. Басталу уақыты өзгермейді.",
    "Из-за неисправности звуковой системы в Студии. Время начала прежнее.",
    "Because of a sound system fault in the Studio. The start time is unchanged.")
NOTE_CANCELLED_TECHNICAL = T(
    "Техникалық себептерге байланысты көрсетілім болмайды. Билетті кассада қайтаруға немесе "
    "басқа сеансқа ауыстыруға болады.",
    "Показ отменён по техническим причинам. Билеты можно вернуть или обменять на другой сеанс "
    "в кассе.",
    "Cancelled for technical reasons. Tickets can be refunded or exchanged for another "
    "screening at the box office.")
NOTE_CANCELLED_PRINT = T(
    "Фильм көшірмесі уақытында жеткізілмегендіктен, көрсетілім болмайды. Билет ақысын кассадан "
    "қайтарып алуға болады.",
    "Показ отменён: копия фильма не прибыла вовремя. Билеты можно вернуть в кассе.",
    "Cancelled: the film copy did not arrive in time. Tickets can be refunded at the box "
    "office.")
NOTE_CANCELLED_RIGHTS = T(
    "Құқық иесінің өтініші бойынша көрсетілім болмайды. Билет ақысын кассадан қайтарып алуға "
    "болады.",
    "Показ отменён по просьбе правообладателя. Билеты можно вернуть в кассе.",
    "Cancelled at the request of the rights holder. Tickets can be refunded at the box office.")


def note_delay_projector(minutes):
    return T(f"Жасыл залдағы проектор ақауына байланысты сеанс {minutes} минут кешігіп басталады.",
             f"Из-за неисправности проектора в Зелёном зале сеанс начнётся на {minutes} минут "
             f"позже.",
             f"Because of a projector fault in the Green Hall, the screening will start "
             f"{minutes} minutes late.")


def note_delay_guests(minutes):
    return T(f"Фильм түсірушілер тобы жолда кідіріп қалды, сеанс {minutes} минут кешігіп "
             f"басталады.",
             f"Съёмочная группа задерживается, сеанс начнётся на {minutes} минут позже.",
             f"The film team is running late; the screening will start {minutes} minutes "
             f"late.")


def note_delay_technical(minutes):
    return T(f"Техникалық себептерге байланысты сеанс {minutes} минут кешігіп басталады.",
             f"По техническим причинам сеанс начнётся на {minutes} минут позже.",
             f"For technical reasons, the screening will start {minutes} minutes late.")


# Fixed points of the programme; the rest of each hall's day is filled around them.
# A block (film None) keeps the hall free, e.g. for a ceremony.
FIXED = [
    # Opening night, 15 September: ceremony, then the opening film with its team.
    {"hall": "palace-grand", "day": 0, "start": "17:30", "end": "19:00", "film": None},
    {"hall": "palace-grand", "day": 0, "start": "19:00", "film": "sea-that-left", "qa": True},
    # Closing night, 19 September: award ceremony at 18:00, then the closing film.
    {"hall": "palace-grand", "day": 4, "start": "17:30", "end": "19:15", "film": None},
    {"hall": "palace-grand", "day": 4, "start": "19:15", "film": "apple-season", "qa": True},
    # Night screenings, after midnight.
    {"hall": "palace-grand", "day": 1, "start": "24:15", "film": "night-shift-karaganda"},
    {"hall": "samal-1", "day": 2, "start": "24:40", "film": "taxi-to-medeu"},
    {"hall": "palace-small", "day": 3, "start": "24:15", "film": "quiet-border"},
    {"hall": "alatau-red", "day": 0, "start": "24:30", "film": "echo"},
    # Moves: the screening keeps its hall and names the new one in moved_to. The new hall's
    # entry only holds the room (it is planned, so the rest of that hall's day fits around it,
    # and left out of the feed).
    {"hall": "samal-3", "day": 2, "start": "19:00", "film": "seven-flavours",
     "status": "moved", "moved_to": "samal-1", "note": NOTE_MOVED_SAMAL},
    {"hall": "samal-1", "day": 2, "start": "19:00", "film": "seven-flavours", "held": True},
    {"hall": "palace-chamber", "day": 1, "start": "15:00", "film": "paper-cranes",
     "status": "moved", "moved_to": "palace-blue", "note": NOTE_MOVED_PALACE},
    {"hall": "palace-blue", "day": 1, "start": "15:00", "film": "paper-cranes", "held": True},
    {"hall": "cinematheque-studio", "day": 3, "start": "14:00", "film": "the-archive",
     "status": "moved", "moved_to": "cinematheque-main", "note": NOTE_MOVED_CINEMATHEQUE},
    {"hall": "cinematheque-main", "day": 3, "start": "14:00", "film": "the-archive",
     "held": True},
    # The cancellation that the "programme changed" announcement of 18 September talks about.
    {"hall": "samal-2", "day": 3, "start": "21:30", "film": "nine-days-tbilisi",
     "status": "cancelled", "note": NOTE_CANCELLED_TECHNICAL},
]

# The Green Hall's projector fails on 17 September (day 2): longer breaks between its screenings
# leave room for the delays.
EXTRA_BREAK = {("alatau-green", 2): 25}


def occupied_minutes(record, film_by_id):
    """How long a screening keeps its hall, from its start to the end of the film (or Q&A)."""
    runtime = film_by_id[record["film"]]["runtime_min"]
    extra = 0
    if record.get("qa"):
        extra += QA_MIN
    if film_by_id[record["film"]]["section"] == "retrospective":
        extra += INTRO_MIN
    return runtime + extra


def allowed(film_record, start):
    """Keeps the programme plausible: children's films by day, 16+ films not in the morning."""
    age = int(film_record["age_rating"].rstrip("+"))
    if film_record["section"] == "family" and start >= hm("16:00"):
        return False
    if age >= 16 and start < hm("13:00"):
        return False
    if age <= 6 and start >= hm("21:00"):
        return False
    return True


class Scheduler:
    def __init__(self, rng, film_by_id):
        self.rng = rng
        self.film_by_id = film_by_id
        self.count = {fid: 0 for fid in film_by_id}
        self.qa_done = set()
        self.films_by_section = {}
        for record in film_by_id.values():
            self.films_by_section.setdefault(record["section"], []).append(record["id"])
        self.screenings = []
        # When each film is on screen somewhere, so that no film runs in two halls at once
        # (apart from a move, whose new hall holds the room for it).
        self.busy = {fid: [] for fid in film_by_id}
        for item in FIXED:
            if item["film"]:
                begin = item["day"] * MIDNIGHT + hm(item["start"])
                self.busy[item["film"]].append((begin, begin + film_by_id[item["film"]]
                                                ["runtime_min"] + QA_MIN))

    def is_free(self, fid, day, start, minutes):
        begin = day * MIDNIGHT + start
        return all(begin + minutes <= other_begin or other_end <= begin
                   for other_begin, other_end in self.busy[fid])

    def pick_film(self, hall, day, start, room, today):
        """A film for `hall` at `start` that fits in `room` minutes (None: no limit)."""
        _, pools = HALL_PLANS[hall]
        options = []
        for section, weight in pools:
            candidates = []
            for fid in self.films_by_section[section]:
                record = self.film_by_id[fid]
                if fid in today or not allowed(record, start):
                    continue
                if fid in GALA_STARTS:
                    gala_day, gala_start = GALA_STARTS[fid]
                    if day * MIDNIGHT + start < gala_day * MIDNIGHT + hm(gala_start):
                        continue
                occupancy = record["runtime_min"] + (INTRO_MIN if section == "retrospective"
                                                     else 0)
                if room is not None and occupancy + QA_MIN > room:
                    continue
                if not self.is_free(fid, day, start, occupancy + QA_MIN):
                    continue
                candidates.append(fid)
            if candidates:
                options.append((section, weight, candidates))
        if not options:
            return None
        total = sum(weight for _, weight, _ in options)
        roll = self.rng.randrange(total)
        for section, weight, candidates in options:
            if roll < weight:
                break
            roll -= weight
        # The least shown film first, so that every film gets its screenings.
        least = min(self.count[fid] for fid in candidates)
        return self.rng.choice([fid for fid in candidates if self.count[fid] == least])

    def add(self, hall, day, start, fid, **extra):
        record = {"hall": hall, "day": day, "start": start, "film": fid}
        record.update(extra)
        if "qa" not in record and fid not in self.qa_done:
            # A new film's team meets the audience once, in one of the big premiere halls.
            section = self.film_by_id[fid]["section"]
            record["qa"] = (section in ("competition", "kazakh-panorama", "documentary")
                            and hall in QA_HALLS)
        if record.get("qa"):
            self.qa_done.add(fid)
        self.count[fid] += 1
        if not record.get("fixed"):
            begin = day * MIDNIGHT + start
            self.busy[fid].append((begin, begin + occupied_minutes(record, self.film_by_id)))
        self.screenings.append(record)
        return record

    def plan_hall_day(self, hall, day, fixed):
        first, _ = HALL_PLANS[hall]
        t = hm(first) + (60 if hall == "palace-grand" and day == 0 else 0)
        extra_break = EXTRA_BREAK.get((hall, day), 0)
        today = set(item["film"] for item in fixed if item["film"])
        fixed = sorted(fixed, key=lambda item: hm(item["start"]))
        index = 0
        ready = t  # the hall is clean from here on; t is when the next screening would start
        while True:
            upcoming = fixed[index] if index < len(fixed) else None
            room = hm(upcoming["start"]) - t - CLEANING_MIN if upcoming else None
            if t <= LAST_REGULAR_START and (room is None or room > 0):
                fid = self.pick_film(hall, day, t, room, today)
                if fid:
                    record = self.add(hall, day, t, fid)
                    today.add(fid)
                    end = t + occupied_minutes(record, self.film_by_id)
                    if room is not None and end + CLEANING_MIN > hm(upcoming["start"]):
                        record["qa"] = False
                        end = t + occupied_minutes(record, self.film_by_id)
                    ready = end + CLEANING_MIN
                    t = round_up(ready + 5 * self.rng.randrange(6) + extra_break)
                    continue
            if upcoming is None:
                return
            index += 1
            start = hm(upcoming["start"])
            assert start >= ready, (hall, day, upcoming)
            if upcoming["film"] is None:
                t = ready = hm(upcoming["end"])
                continue
            extra = {key: upcoming[key] for key in ("status", "note", "qa", "moved_to", "held")
                     if key in upcoming}
            record = self.add(hall, day, start, upcoming["film"], fixed=True, **extra)
            ready = start + occupied_minutes(record, self.film_by_id) + CLEANING_MIN
            t = round_up(ready + 5 * self.rng.randrange(6))


def hall_order():
    return [hall["id"] for venue in VENUES for hall in venue["halls"]]


def build_schedule(rng, film_by_id):
    scheduler = Scheduler(rng, film_by_id)
    for day in range(DAY_COUNT):
        for hall in hall_order():
            fixed = [item for item in FIXED if item["hall"] == hall and item["day"] == day]
            scheduler.plan_hall_day(hall, day, fixed)
    return scheduler.screenings


def assign_statuses(rng, screenings, film_by_id):
    by_hall = {}
    for record in screenings:
        by_hall.setdefault(record["hall"], []).append(record)
    # Minutes of slack after each screening before the next one in its hall needs the room.
    for records in by_hall.values():
        records.sort(key=lambda r: (r["day"], r["start"]))
        for current, following in zip(records, records[1:] + [None]):
            end = current["day"] * MIDNIGHT + current["start"] + occupied_minutes(
                current, film_by_id)
            if following is None:
                current["slack"] = 120
            else:
                begin = following["day"] * MIDNIGHT + following["start"]
                current["slack"] = begin - end - CLEANING_MIN

    def free(record):
        return "status" not in record and not record.get("fixed")

    # The Green Hall's projector fault of 17 September.
    green = [r for r in by_hall["alatau-green"] if r["day"] == 2 and r["start"] >= hm("12:00")]
    for record, minutes in zip(green, (15, 25, 20)):
        minutes = min(minutes, record["slack"] // 5 * 5)
        if minutes >= 10 and free(record):
            record.update(status="delayed", delay_min=minutes,
                          note=note_delay_projector(minutes))

    # A few premieres wait for their guests, a few screenings have other trouble.
    late_guests = [r for r in screenings if r.get("qa") and free(r) and r["slack"] >= 10]
    for record in rng.sample(late_guests, 3):
        minutes = min(15, record["slack"] // 5 * 5)
        record.update(status="delayed", delay_min=minutes, note=note_delay_guests(minutes))
    trouble = [r for r in screenings if free(r) and not r.get("qa") and r["slack"] >= 10
               and r["hall"] != "alatau-green"]
    for record in rng.sample(trouble, 2):
        minutes = min(10, record["slack"] // 5 * 5)
        record.update(status="delayed", delay_min=minutes, note=note_delay_technical(minutes))

    cancellable = [r for r in screenings if free(r) and not r.get("qa")]
    for record, note in zip(rng.sample(cancellable, 4),
                            (NOTE_CANCELLED_PRINT, NOTE_CANCELLED_RIGHTS,
                             NOTE_CANCELLED_PRINT, NOTE_CANCELLED_RIGHTS)):
        record.update(status="cancelled", note=note)

    for record in screenings:
        if not free(record):
            continue
        section = film_by_id[record["film"]]["section"]
        chance = 0.03
        if record.get("qa"):
            chance = 0.35
        elif section in ("competition", "kazakh-panorama") and hm("18:00") <= record["start"]:
            chance = 0.2
        if rng.random() < chance:
            record["status"] = "sold_out"


def screening_json(record, film_by_id, rng):
    start = record["day"] * MIDNIGHT + record["start"]
    day_of_start, minute_of_start = divmod(start, MIDNIGHT)
    moment = stamp(day_of_start, minute_of_start)
    sid = "s-" + moment[:10].replace("-", "") + "-" + moment[11:16].replace(":", "") + "-" + \
        record["hall"]
    out = {"id": sid, "film": record["film"], "hall": record["hall"], "starts_at": moment}
    runtime = film_by_id[record["film"]]["runtime_min"]
    status = record.get("status", "scheduled")
    # ends_at, where given, is when the hall empties: after the Q&A or the introduction.
    if status != "delayed":
        occupancy = occupied_minutes(record, film_by_id)
        if occupancy != runtime or rng.random() < 0.25:
            end_day, end_minute = divmod(start + occupancy, MIDNIGHT)
            out["ends_at"] = stamp(end_day, end_minute)
    out["status"] = status
    if "moved_to" in record:
        out["moved_to"] = record["moved_to"]
    if status == "delayed":
        out["delay_min"] = record["delay_min"]
    if "note" in record:
        out["note"] = record["note"]
    if record.get("qa"):
        out["qa"] = True
    return out, start


# ---------------------------------------------------------------------------------------------
# Announcements

ALL_DAYS = ("2018-09-15T05:00:00+06:00", "2018-09-20T05:00:00+06:00")

ANNOUNCEMENTS = [
    {"id": "welcome", "level": "info",
     "text": T("Алматы кинофестиваліне қош келдіңіз! Толық бағдарлама мен билеттер — QR-код "
               "арқылы.",
               "Добро пожаловать на Алматинский кинофестиваль! Полная программа и билеты — по "
               "QR-коду.",
               "Welcome to the Almaty Film Festival! Scan the QR code for the full programme "
               "and tickets."),
     "from": ALL_DAYS[0], "until": ALL_DAYS[1]},
    {"id": "qa-explained", "level": "info",
     "text": T("«Сұрақ-жауап» белгісі бар сеанстардан кейін фильм түсірушілер көрермендердің "
               "сұрақтарына жауап береді.",
               "После сеансов с пометкой «Вопрос-ответ» создатели фильма отвечают на вопросы "
               "зрителей.",
               "After screenings marked Q&A, the filmmakers answer questions from the "
               "audience."),
     "from": ALL_DAYS[0], "until": ALL_DAYS[1]},
    {"id": "opening-night", "level": "info",
     "text": T("Бүгін сағат 18:00-де «Жетісу» фестиваль сарайының Үлкен залында фестивальдің "
               "салтанатты ашылуы, 19:00-де «Кетіп қалған теңіз» фильмінің премьерасы өтеді.",
               "Сегодня в 18:00 в Большом зале Фестивального дворца «Жетысу» — торжественное "
               "открытие фестиваля, в 19:00 — премьера фильма «Ушедшее море».",
               "Tonight at 18:00 in the Grand Hall of the Zhetysu Festival Palace: the opening "
               "ceremony, followed at 19:00 by the premiere of “The Sea That Left”."),
     "from": at("2018-09-15", "05:00"), "until": at("2018-09-15", "19:00")},
    {"id": "cafe-hours", "level": "info", "venues": ["palace"],
     "text": T("Бірінші қабаттағы «Кино» кафесі сағат 9:00-ден соңғы сеансқа дейін жұмыс "
               "істейді.",
               "Кафе «Кино» на первом этаже работает с 9:00 до последнего сеанса.",
               "The Kino Café on level 1 is open from 9:00 until the last screening."),
     "from": ALL_DAYS[0], "until": ALL_DAYS[1]},
    {"id": "lost-and-found", "level": "info", "venues": ["samal", "alatau", "cinematheque"],
     "text": T("Бір затыңызды жоғалтып алдыңыз ба? Кассаға хабарласыңыз.",
               "Потеряли вещь? Обратитесь в кассу.",
               "Lost something? Please ask at the box office."),
     "from": ALL_DAYS[0], "until": ALL_DAYS[1]},
    {"id": "masterclass", "level": "info", "venues": ["palace"],
     "text": T("Бүгін сағат 15:00-де 2-қабаттағы баспасөз орталығында оператор Данияр "
               "Омаровтың шеберлік сыныбы өтеді. Фестиваль бейджі бар қонақтарға кіру тегін.",
               "Сегодня в 15:00 в пресс-центре на 2-м этаже — мастер-класс оператора Данияра "
               "Омарова. Вход свободный по бейджу фестиваля.",
               "Today at 15:00 in the press centre on level 2: a masterclass by cinematographer "
               "Daniyar Omarov. Free entry with a festival badge."),
     "from": at("2018-09-17", "08:00"), "until": at("2018-09-17", "16:30")},
    {"id": "closing-night", "level": "info",
     "text": T("Бүгін сағат 18:00-де «Жетісу» фестиваль сарайының Үлкен залында марапаттау "
               "рәсімі өтеді, одан кейін 19:15-те фестивальдің жабылу фильмі — «Алма маусымы» "
               "көрсетіледі.",
               "Сегодня в 18:00 в Большом зале Фестивального дворца «Жетысу» — церемония "
               "награждения, в 19:15 — фильм закрытия «Яблочный сезон».",
               "Today at 18:00 in the Grand Hall of the Zhetysu Festival Palace: the award "
               "ceremony, followed at 19:15 by the closing film, “Apple Season”."),
     "from": at("2018-09-19", "05:00"), "until": at("2018-09-19", "19:30")},
    {"id": "road-closure", "level": "urgent", "venues": ["palace"],
     "text": T("16 қыркүйекте сағат 10:00-ден 14:00-ге дейін қалалық велошеруге байланысты Абай "
               "даңғылында көлік қозғалысы жабылады. Қоғамдық көлікті пайдалануыңызды сұраймыз.",
               "16 сентября с 10:00 до 14:00 проспект Абая будет перекрыт из-за городского "
               "велопробега. Пожалуйста, пользуйтесь общественным транспортом.",
               "On 16 September from 10:00 to 14:00, Abai Avenue is closed to traffic for a city "
               "cycle ride. Please use public transport."),
     "from": at("2018-09-15", "12:00"), "until": at("2018-09-16", "14:00")},
    {"id": "green-hall-projector", "level": "urgent", "venues": ["alatau"],
     "text": T("Проектор ақауына байланысты бүгін Жасыл залдағы сеанстар 25 минутқа дейін "
               "кешігіп басталады.",
               "Из-за неисправности проектора сеансы в Зелёном зале сегодня начинаются с "
               "опозданием до 25 минут.",
               "Because of a projector fault, screenings in the Green Hall start up to 25 "
               "minutes late today."),
     "from": at("2018-09-17", "11:00"), "until": at("2018-09-18", "01:00")},
    {"id": "samal-hall-change", "level": "urgent", "venues": ["samal"],
     "text": T("Бүгін сағат 19:00-дегі «Жеті дәм» фильмінің көрсетілімі 3-залдан 1-залға "
               "ауыстырылды.",
               "Сегодняшний показ фильма «Семь вкусов» в 19:00 перенесён из зала 3 в зал 1.",
               "Tonight's 19:00 screening of “Seven Flavours” has moved from Hall 3 to "
               "Hall 1."),
     "from": at("2018-09-17", "12:00"), "until": at("2018-09-17", "19:30")},
    {"id": "programme-change", "level": "urgent",
     "text": T("Бағдарлама өзгерді: бүгін сағат 21:30-да «Самал» кинотеатрында өтуге тиіс "
               "«Тбилисидегі тоғыз күн» фильмінің көрсетілімі болмайды. Билетті кассада қайтаруға "
               "немесе ауыстыруға болады.",
               "Программа изменилась: сегодняшний показ фильма «Девять дней в Тбилиси» в 21:30 "
               "в кинотеатре «Самал» отменён. Билеты можно вернуть или обменять в кассе.",
               "Programme change: tonight's 21:30 screening of “Nine Days in Tbilisi” at the "
               "Samal Cinema is cancelled. Tickets can be refunded or exchanged at the box "
               "office."),
     "from": at("2018-09-18", "09:00"), "until": at("2018-09-18", "21:45")},
    # The one emergency: five minutes of its own, so the demo normally never shows it.
    {"id": "evacuation", "level": "emergency", "venues": ["palace"],
     "text": T("Назар аударыңыз! Ең жақын шығу жолы арқылы ғимараттан дереу шығыңыз. "
               "Қызметкерлердің нұсқауларын орындаңыз. Лифтті пайдаланбаңыз.",
               "Внимание! Немедленно покиньте здание через ближайший выход. Следуйте указаниям "
               "персонала. Не пользуйтесь лифтами.",
               "Attention! Leave the building immediately by the nearest exit. Follow the "
               "instructions of the staff. Do not use the lifts."),
     "from": at("2018-09-18", "16:00"), "until": at("2018-09-18", "16:05")},
]


def announcement_json(item):
    out = {"id": item["id"], "text": item["text"], "level": item["level"]}
    for key in ("from", "until", "venues"):
        if key in item:
            out[key] = item[key]
    return out


# ---------------------------------------------------------------------------------------------
# The map of the Zhetysu Festival Palace


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def area(aid, kind, name, polygon):
    out = {"id": aid, "kind": kind}
    if name:
        out["name"] = name
    out["polygon"] = polygon
    return out


def node(nid, floor, x, y, kind, name=None, hall=None):
    out = {"id": nid, "floor": floor, "x": x, "y": y, "kind": kind}
    if name:
        out["name"] = name
    if hall:
        out["hall"] = hall
    return out


N_TOILETS = T("Дәретхана", "Туалет", "Toilets")
N_ACCESSIBLE = T("Мүмкіндігі шектеулі жандарға арналған дәретхана",
                 "Туалет для маломобильных посетителей", "Accessible toilet")
N_STAIRS = T("Баспалдақ", "Лестница", "Stairs")
N_ELEVATOR = T("Лифт", "Лифт", "Lift")
N_KIOSK = T("Ақпараттық киоск", "Информационный киоск", "Information kiosk")
N_CORRIDOR = T("Дәліз", "Коридор", "Corridor")


def build_map():
    level1 = {
        "level": 1, "name": T("1-қабат", "1-й этаж", "Level 1"), "width": 80, "height": 50,
        "areas": [
            area("l1-grand-hall", "hall", T("Үлкен зал", "Большой зал", "Grand Hall"),
                 rect(4, 2, 46, 28)),
            area("l1-small-hall", "hall", T("Кіші зал", "Малый зал", "Small Hall"),
                 rect(50, 2, 76, 19)),
            area("l1-stairs", "stairs", N_STAIRS, rect(50, 21, 56, 28)),
            area("l1-elevator", "elevator", N_ELEVATOR, rect(58, 21, 62, 28)),
            area("l1-passage", "corridor", N_CORRIDOR, rect(62, 19, 67, 30)),
            area("l1-toilets", "toilet", N_TOILETS, rect(68, 21, 76, 28)),
            area("l1-lobby", "lobby", T("Фойе", "Фойе", "Lobby"),
                 [[18, 30], [68, 30], [68, 40], [64, 40], [64, 48], [18, 48]]),
            area("l1-cloakroom", "cloakroom", T("Киім ілетін орын", "Гардероб", "Cloakroom"),
                 rect(68, 30, 78, 40)),
            area("l1-box-office", "tickets", T("Билет кассасы", "Кассы", "Box office"),
                 rect(64, 41, 78, 48)),
            area("l1-cafe", "cafe", T("«Кино» кафесі", "Кафе «Кино»", "Kino Café"),
                 rect(2, 30, 16, 41)),
            area("l1-first-aid", "first_aid",
                 T("Медициналық пункт", "Медпункт", "First aid"), rect(2, 42, 10, 48)),
        ],
    }
    level2 = {
        "level": 2, "name": T("2-қабат", "2-й этаж", "Level 2"), "width": 80, "height": 50,
        "areas": [
            area("l2-blue-hall", "hall", T("Көк зал", "Синий зал", "Blue Hall"),
                 rect(4, 2, 38, 26)),
            area("l2-chamber-hall", "hall", T("Камералық зал", "Камерный зал", "Chamber Hall"),
                 rect(42, 2, 62, 18)),
            area("l2-stairs", "stairs", N_STAIRS, rect(50, 21, 56, 28)),
            area("l2-elevator", "elevator", N_ELEVATOR, rect(58, 21, 62, 28)),
            area("l2-toilets", "toilet", N_TOILETS, rect(68, 21, 76, 28)),
            area("l2-foyer", "lobby", T("Жоғарғы фойе", "Верхнее фойе", "Upper foyer"),
                 rect(4, 30, 66, 48)),
            area("l2-press-centre", "office",
                 T("Баспасөз орталығы", "Пресс-центр", "Press centre"), rect(66, 30, 78, 48)),
        ],
    }
    nodes = [
        node("l1-entrance", 1, 40, 49.5, "entrance",
             T("Негізгі кіреберіс", "Главный вход", "Main entrance")),
        node("l1-exit-side", 1, 19, 47.5, "exit",
             T("Бүйір шығу есігі", "Боковой выход", "Side exit")),
        node("l1-kiosk", 1, 34, 44, "kiosk", N_KIOSK),
        node("l1-info", 1, 46, 44, "info",
             T("Анықтама бюросы", "Справочное бюро", "Information desk")),
        node("l1-tickets", 1, 71, 44, "tickets", T("Билет кассасы", "Кассы", "Box office")),
        node("l1-cloakroom", 1, 72, 35, "cloakroom",
             T("Киім ілетін орын", "Гардероб", "Cloakroom")),
        node("l1-cafe", 1, 10, 36, "cafe", T("«Кино» кафесі", "Кафе «Кино»", "Kino Café")),
        node("l1-first-aid", 1, 6, 45, "first_aid",
             T("Медициналық пункт", "Медпункт", "First aid")),
        node("l1-hall-grand", 1, 25, 29, "hall", T("Үлкен зал", "Большой зал", "Grand Hall"),
             hall="palace-grand"),
        node("l1-hall-small", 1, 64.5, 19.5, "hall",
             T("Кіші зал", "Малый зал", "Small Hall"), hall="palace-small"),
        node("l1-stairs", 1, 53, 29, "stairs", N_STAIRS),
        node("l1-elevator", 1, 60, 29, "elevator", N_ELEVATOR),
        node("l1-toilet", 1, 74, 29, "toilet", N_TOILETS),
        node("l1-toilet-accessible", 1, 70, 29, "accessible_toilet", N_ACCESSIBLE),
        node("l1-c-west", 1, 20, 38, "corridor"),
        node("l1-c-centre", 1, 40, 38, "corridor"),
        node("l1-c-east", 1, 58, 38, "corridor"),
        node("l1-n-west", 1, 25, 31.5, "corridor"),
        node("l1-n-centre", 1, 40, 31.5, "corridor"),
        node("l1-n-stairs", 1, 53, 31.5, "corridor"),
        node("l1-n-elevator", 1, 60, 31.5, "corridor"),
        node("l1-n-passage", 1, 64.5, 31.5, "corridor"),
        node("l1-passage", 1, 64.5, 24, "corridor", N_CORRIDOR),
        node("l1-n-toilets", 1, 72, 31.5, "corridor"),

        node("l2-kiosk", 2, 40, 40, "kiosk", N_KIOSK),
        node("l2-exit-emergency", 2, 4.5, 46, "exit",
             T("Апаттық шығу жолы", "Аварийный выход", "Emergency exit")),
        node("l2-cafe", 2, 30, 44, "cafe",
             T("Жоғарғы фойедегі кафе", "Кафе в верхнем фойе", "Upper foyer café")),
        node("l2-hall-blue", 2, 21, 27, "hall", T("Көк зал", "Синий зал", "Blue Hall"),
             hall="palace-blue"),
        node("l2-hall-chamber", 2, 46, 19, "hall",
             T("Камералық зал", "Камерный зал", "Chamber Hall"), hall="palace-chamber"),
        node("l2-stairs", 2, 53, 29, "stairs", N_STAIRS),
        node("l2-elevator", 2, 60, 29, "elevator", N_ELEVATOR),
        node("l2-toilet", 2, 74, 29, "toilet", N_TOILETS),
        node("l2-toilet-accessible", 2, 70, 29, "accessible_toilet", N_ACCESSIBLE),
        node("l2-c-west", 2, 21, 31.5, "corridor"),
        node("l2-c-centre", 2, 40, 31.5, "corridor"),
        node("l2-c-chamber", 2, 46, 31.5, "corridor"),
        node("l2-c-stairs", 2, 53, 31.5, "corridor"),
        node("l2-c-elevator", 2, 60, 31.5, "corridor"),
        node("l2-c-east", 2, 72, 31.5, "corridor"),
        node("l2-c-south-west", 2, 10, 40, "corridor"),
    ]
    pairs = [
        ("l1-entrance", "l1-c-centre"), ("l1-kiosk", "l1-c-centre"), ("l1-info", "l1-c-centre"),
        ("l1-c-west", "l1-c-centre"), ("l1-c-centre", "l1-c-east"),
        ("l1-c-west", "l1-cafe"), ("l1-c-west", "l1-exit-side"), ("l1-c-west", "l1-first-aid"),
        ("l1-c-east", "l1-tickets"), ("l1-c-east", "l1-cloakroom"),
        ("l1-c-west", "l1-n-west"), ("l1-c-centre", "l1-n-centre"), ("l1-c-east", "l1-n-elevator"),
        ("l1-n-west", "l1-hall-grand"), ("l1-n-west", "l1-n-centre"),
        ("l1-n-centre", "l1-n-stairs"),
        ("l1-n-stairs", "l1-n-elevator"), ("l1-n-elevator", "l1-elevator"),
        ("l1-n-elevator", "l1-n-passage"), ("l1-n-passage", "l1-passage"),
        ("l1-passage", "l1-hall-small"), ("l1-n-passage", "l1-n-toilets"),
        ("l1-n-toilets", "l1-toilet"), ("l1-n-toilets", "l1-toilet-accessible"),

        ("l2-elevator", "l2-c-elevator"),
        ("l2-c-stairs", "l2-c-elevator"), ("l2-c-stairs", "l2-c-chamber"),
        ("l2-c-chamber", "l2-hall-chamber"), ("l2-c-chamber", "l2-c-centre"),
        ("l2-c-centre", "l2-c-west"), ("l2-c-west", "l2-hall-blue"),
        ("l2-c-centre", "l2-kiosk"), ("l2-kiosk", "l2-cafe"),
        ("l2-c-west", "l2-c-south-west"), ("l2-c-south-west", "l2-exit-emergency"),
        ("l2-c-elevator", "l2-c-east"), ("l2-c-east", "l2-toilet"),
        ("l2-c-east", "l2-toilet-accessible"),
    ]
    edges = [{"from": a, "to": b} for a, b in pairs]
    # Any edge that touches the stairs is not step-free, not only the flight between the floors.
    edges.append({"from": "l1-n-stairs", "to": "l1-stairs", "step_free": False})
    edges.append({"from": "l2-stairs", "to": "l2-c-stairs", "step_free": False})
    # Changes of floor: their length is the walk, not the straight distance on the plan.
    edges.append({"from": "l1-stairs", "to": "l2-stairs", "length": 14, "step_free": False})
    edges.append({"from": "l1-elevator", "to": "l2-elevator", "length": 8, "step_free": True})
    return {"venue": "palace", "floors": [level1, level2], "nodes": nodes, "edges": edges}


# ---------------------------------------------------------------------------------------------
# Posters


def poster_command(path, title, color):
    return [
        "convert", "-size", "240x360", f"gradient:{color}-#15151c",
        "(", "-size", "200x", "-background", "none", "-fill", "white", "-font", "DejaVu-Sans-Bold",
        "-pointsize", "26", "-gravity", "center", f"caption:{title}", ")",
        "-gravity", "north", "-geometry", "+0+70", "-composite",
        "-fill", "#ffffffb0", "-font", "DejaVu-Sans", "-pointsize", "13",
        "-gravity", "south", "-annotate", "+0+18", "DEMO POSTER · AFF 2018",
        "+dither", "-colors", "64", "-depth", "8", "-strip",
        "-define", "png:exclude-chunks=date,time", f"PNG8:{path}",
    ]


def ensure_posters(film_by_id, section_color):
    assets = []
    for fid in POSTER_FILMS:
        path = POSTER_DIR / f"{fid}.png"
        if not path.exists():
            if shutil.which("convert") is None:
                sys.exit(f"{path} is missing and ImageMagick's convert is not installed")
            POSTER_DIR.mkdir(parents=True, exist_ok=True)
            record = film_by_id[fid]
            subprocess.run(poster_command(path, record["title"]["en"],
                                          section_color[record["section"]]), check=True)
        data = path.read_bytes()
        if len(data) >= 30 * 1024:
            sys.exit(f"{path} is {len(data)} bytes; posters must stay under 30 KB")
        assets.append({"id": f"poster-{fid}", "path": f"posters/{fid}.png",
                       "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                       "type": "image/png"})
        film_by_id[fid]["poster"] = f"poster-{fid}"
    return assets


# ---------------------------------------------------------------------------------------------


def build_feed():
    rng = random.Random(2018)
    film_by_id = {record["id"]: dict(record) for record in FILMS}
    section_color = {section["id"]: section["color"] for section in SECTIONS}
    assets = ensure_posters(film_by_id, section_color)

    raw = build_schedule(rng, film_by_id)
    assign_statuses(rng, raw, film_by_id)
    order = {hall: index for index, hall in enumerate(hall_order())}
    raw.sort(key=lambda r: (r["day"] * MIDNIGHT + r["start"], order[r["hall"]]))
    # Every record is turned into JSON, so the random choices stay as they were; a room held for
    # a move is then left out.
    screenings = [screening_json(record, film_by_id, rng)[0] for record in raw]
    screenings = [out for out, record in zip(screenings, raw) if not record.get("held")]

    return {
        "_comment": "DEMONSTRATION DATA for the kiosk's demo mode and tests. The festival "
                    "programme, films, people, venues and addresses are fictional. Generated by "
                    "assets/demo/make-demo-feed.py; do not edit by hand.",
        "format": "aff-kiosk-feed",
        "version": 1,
        "sequence": SEQUENCE,
        "generated_at": "2018-09-15T08:00:00+06:00",
        "expires_at": "2018-09-20T05:00:00+06:00",
        "festival": {
            "id": "aff-2018-demo",
            "name": T("Алматы кинофестивалі 2018", "Алматинский кинофестиваль 2018",
                      "Almaty Film Festival 2018"),
            "timezone": "Asia/Almaty",
            "first_day": FIRST_DAY.isoformat(),
            "last_day": (FIRST_DAY + dt.timedelta(days=DAY_COUNT - 1)).isoformat(),
            "day_starts_at": "05:00",
            "url": "https://example.org/aff-2018-demo/programme",
        },
        "venues": VENUES,
        "sections": SECTIONS,
        "films": [film_by_id[record["id"]] for record in FILMS],
        "screenings": screenings,
        "announcements": [announcement_json(item) for item in ANNOUNCEMENTS],
        "maps": [build_map()],
        "assets": assets,
    }


def sign(feed_path):
    if not SECRET_KEY.exists() or shutil.which("minisign") is None:
        print("not signed: needs minisign and " + str(SECRET_KEY), file=sys.stderr)
        return
    subprocess.run(["minisign", "-S", "-s", str(SECRET_KEY), "-m", str(feed_path),
                    "-t", TRUSTED_COMMENT], check=True, stdin=subprocess.DEVNULL)
    subprocess.run(["minisign", "-V", "-p", str(PUBLIC_KEY), "-m", str(feed_path)],
                   check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-sign", action="store_true", help="write feed.json only")
    args = parser.parse_args()
    feed = build_feed()
    with open(FEED_PATH, "w", encoding="utf-8", newline="\n") as out:
        json.dump(feed, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(f"wrote {FEED_PATH} ({len(feed['screenings'])} screenings)")
    if not args.no_sign:
        sign(FEED_PATH)


if __name__ == "__main__":
    main()
