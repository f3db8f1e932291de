-- A kiosk cache as schema version 1 left it (before sync_state and the day-programme indexes),
-- holding a small feed (sequence 7). Tests load it with sqlite3_exec into a fresh file and let
-- Store::open upgrade it. Keep the DDL exactly as migration 1 creates it: a test compares them.
-- Instants are unix seconds; Asia/Almaty was UTC+6 in 2018.
PRAGMA application_id = 1095124555;
BEGIN;
CREATE TABLE feed_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    feed_version INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    generated_at INTEGER NOT NULL,
    expires_at INTEGER,
    applied_at INTEGER NOT NULL,
    festival_id TEXT NOT NULL,
    festival_name_kk TEXT NOT NULL,
    festival_name_ru TEXT NOT NULL,
    festival_name_en TEXT NOT NULL,
    timezone TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    day_starts_at_min INTEGER NOT NULL,
    url TEXT NOT NULL
) STRICT;

CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    type TEXT NOT NULL
) STRICT;

CREATE TABLE venues (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    address_kk TEXT NOT NULL,
    address_ru TEXT NOT NULL,
    address_en TEXT NOT NULL,
    lat REAL,
    lon REAL
) STRICT;

CREATE TABLE halls (
    id TEXT PRIMARY KEY,
    venue_id TEXT NOT NULL REFERENCES venues (id),
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    seats INTEGER,
    map_node TEXT
) STRICT;
CREATE INDEX halls_by_venue ON halls (venue_id, ord);

CREATE TABLE sections (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    color TEXT NOT NULL
) STRICT;

CREATE TABLE films (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    title_kk TEXT NOT NULL,
    title_ru TEXT NOT NULL,
    title_en TEXT NOT NULL,
    original_title TEXT NOT NULL,
    year INTEGER NOT NULL,
    countries TEXT NOT NULL,
    runtime_min INTEGER NOT NULL,
    age_rating TEXT NOT NULL,
    section_id TEXT REFERENCES sections (id),
    director_kk TEXT NOT NULL,
    director_ru TEXT NOT NULL,
    director_en TEXT NOT NULL,
    synopsis_kk TEXT NOT NULL,
    synopsis_ru TEXT NOT NULL,
    synopsis_en TEXT NOT NULL,
    spoken_languages TEXT NOT NULL,
    subtitles TEXT NOT NULL,
    poster_id TEXT REFERENCES assets (id)
) STRICT;

CREATE TABLE screenings (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    film_id TEXT NOT NULL REFERENCES films (id),
    hall_id TEXT NOT NULL REFERENCES halls (id),
    venue_id TEXT NOT NULL REFERENCES venues (id),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    delay_min INTEGER NOT NULL,
    note_kk TEXT NOT NULL,
    note_ru TEXT NOT NULL,
    note_en TEXT NOT NULL,
    qa INTEGER NOT NULL CHECK (qa IN (0, 1)),
    festival_day TEXT NOT NULL
) STRICT;
CREATE INDEX screenings_by_hall ON screenings (hall_id, starts_at);
CREATE INDEX screenings_by_film ON screenings (film_id, starts_at);

CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    text_kk TEXT NOT NULL,
    text_ru TEXT NOT NULL,
    text_en TEXT NOT NULL,
    level TEXT NOT NULL,
    from_at INTEGER,
    until_at INTEGER
) STRICT;

CREATE TABLE announcement_venues (
    announcement_id TEXT NOT NULL REFERENCES announcements (id),
    venue_id TEXT NOT NULL REFERENCES venues (id),
    ord INTEGER NOT NULL,
    PRIMARY KEY (announcement_id, venue_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE maps (
    venue_id TEXT PRIMARY KEY REFERENCES venues (id),
    ord INTEGER NOT NULL
) STRICT;

CREATE TABLE map_floors (
    venue_id TEXT NOT NULL REFERENCES maps (venue_id),
    level INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    image_id TEXT REFERENCES assets (id),
    PRIMARY KEY (venue_id, level)
) STRICT;

CREATE TABLE map_areas (
    venue_id TEXT NOT NULL,
    id TEXT NOT NULL,
    floor_level INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    polygon TEXT NOT NULL,
    PRIMARY KEY (venue_id, id),
    FOREIGN KEY (venue_id, floor_level) REFERENCES map_floors (venue_id, level)
) STRICT;

CREATE TABLE map_nodes (
    venue_id TEXT NOT NULL,
    id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    floor_level INTEGER NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    kind TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    hall_id TEXT REFERENCES halls (id),
    PRIMARY KEY (venue_id, id),
    FOREIGN KEY (venue_id, floor_level) REFERENCES map_floors (venue_id, level)
) STRICT;

CREATE TABLE map_edges (
    venue_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    from_node TEXT NOT NULL,
    to_node TEXT NOT NULL,
    length REAL NOT NULL,
    step_free INTEGER NOT NULL CHECK (step_free IN (0, 1)),
    PRIMARY KEY (venue_id, ord),
    FOREIGN KEY (venue_id, from_node) REFERENCES map_nodes (venue_id, id),
    FOREIGN KEY (venue_id, to_node) REFERENCES map_nodes (venue_id, id)
) STRICT;

-- generated 2018-09-14 12:00 +06, applied 12:05, expires 2018-09-21 00:00 +06.
INSERT INTO feed_meta VALUES (1, 1, 7, 1536904800, 1537466400, 1536905100, 'aff-2018',
    'Алматы кинофестивалі', 'Алматинский кинофестиваль', 'Almaty Film Festival', 'Asia/Almaty',
    '2018-09-14', '2018-09-20', 300, 'https://aff.example/programme');

INSERT INTO assets VALUES ('plan-0', 0, 'maps/arman-0.png',
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 20480, 'image/png');

INSERT INTO venues VALUES ('arman', 0, 'Арман', 'Арман', 'Arman', 'Қабанбай батыр к-сі, 83',
    'ул. Кабанбай батыра, 83', '83 Kabanbay Batyr St', 43.2389, 76.9453);
INSERT INTO halls VALUES ('arman-1', 'arman', 0, '1-зал', 'Зал 1', 'Hall 1', 320, 'n-hall-1');
INSERT INTO halls VALUES ('arman-2', 'arman', 1, '2-зал', 'Зал 2', 'Hall 2', NULL, NULL);

INSERT INTO sections VALUES ('competition', 0, 'Байқау', 'Конкурс', 'Competition', '#C0392B');

INSERT INTO films VALUES ('tomiris', 0, 'Томирис', 'Томирис', 'Tomiris', 'Томирис', 2019,
    '["KZ"]', 120, '16+', 'competition', 'Ақан Сатаев', 'Акан Сатаев', 'Akan Satayev',
    'Сақ патшайымы.', 'Царица саков.', 'The queen of the Saka.', '["kk"]', '["ru","en"]', NULL);
INSERT INTO films VALUES ('ayka', 1, 'Айка', 'Айка', 'Ayka', 'Айка', 2018, '["RU","KZ"]', 100,
    '18+', NULL, '', '', '', '', '', '', '["ru"]', '["en"]', NULL);

-- arman-1: 15th 10:00-12:00; 16th 00:30-02:00 (festival day 15th). arman-2: 16th 12:00-13:40.
INSERT INTO screenings VALUES ('s1', 0, 'tomiris', 'arman-1', 'arman', 1536984000, 1536991200,
    'scheduled', 0, '', '', '', 1, '2018-09-15');
INSERT INTO screenings VALUES ('s2', 1, 'ayka', 'arman-1', 'arman', 1537036200, 1537041600,
    'scheduled', 0, '', '', '', 0, '2018-09-15');
INSERT INTO screenings VALUES ('s3', 2, 'ayka', 'arman-2', 'arman', 1537077600, 1537083600,
    'sold_out', 0, 'Билеттер сатылып кетті', 'Билеты распроданы', 'Sold out', 0, '2018-09-16');

-- from 2018-09-15 08:00 +06, open-ended.
INSERT INTO announcements VALUES ('a1', 0, 'Кассалар 9:00-де ашылады',
    'Кассы открываются в 9:00', 'Box offices open at 9:00', 'urgent', 1536976800, NULL);
INSERT INTO announcement_venues VALUES ('a1', 'arman', 0);

INSERT INTO maps VALUES ('arman', 0);
INSERT INTO map_floors VALUES ('arman', 0, 0, 'Бірінші қабат', 'Первый этаж', 'Ground floor',
    40.0, 25.0, 'plan-0');
INSERT INTO map_areas VALUES ('arman', 'foyer', 0, 0, 'foyer', 'Фойе', 'Фойе', 'Foyer',
    '[[0.0,0.0],[20.0,0.0],[20.0,10.0],[0.0,10.0]]');
INSERT INTO map_nodes VALUES ('arman', 'n-kiosk', 0, 0, 2.0, 3.0, 'kiosk', '', '', '', NULL);
INSERT INTO map_nodes VALUES ('arman', 'n-hall-1', 1, 0, 18.0, 9.0, 'hall', '1-зал', 'Зал 1',
    'Hall 1', 'arman-1');
INSERT INTO map_edges VALUES ('arman', 0, 'n-kiosk', 'n-hall-1', 17.5, 1);
COMMIT;
PRAGMA user_version = 1;
