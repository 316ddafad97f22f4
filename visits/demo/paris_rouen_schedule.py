"""The illustrative week of the Paris and Rouen visit: days, groups and sessions.

The programme booklet names the hosts but gives no times; these are plausible ones.
"""

import datetime as dt

from visits.demo.organisations import CLICHY, PARIS, ROUEN
from visits.demo.records import DayRecord, GroupRecord, SessionRecord, Text

SUN, MON, TUE, WED, THU, FRI, SAT = (dt.date(2019, 5, day) for day in range(12, 19))

CONSECUTIVE = "consecutive"
RU_FR = Text(
    ru="русский — французский",
    fr="russe–français",
    en="Russian–French",
)
LUNCH = Text(ru="Обед", fr="Déjeuner", en="Lunch")
LUNCH_NOTE = Text(
    ru="Обед в кафе рядом с местом встречи, за счёт программы.",
    fr="Déjeuner dans un café proche du lieu de la rencontre, pris en charge par le programme.",
    en="Lunch in a café near the meeting place, paid for by the programme.",
)

DAYS = (
    DayRecord(
        SUN,
        Text(ru="Прибытие в Париж", fr="Arrivée à Paris", en="Arrival in Paris"),
        PARIS,
    ),
    DayRecord(
        MON,
        Text(
            ru="Муниципальная политика: Мэрия Парижа",
            fr="Politique municipale : la Mairie de Paris",
            en="Municipal policy: the City of Paris",
        ),
        PARIS,
    ),
    DayRecord(
        TUE,
        Text(
            ru="Музеи и библиотеки, город и архитектура",
            fr="Musées et bibliothèques, ville et architecture",
            en="Museums and libraries, city and architecture",
        ),
        PARIS,
    ),
    DayRecord(
        WED,
        Text(ru="День в Руане", fr="Journée à Rouen", en="A day in Rouen"),
        ROUEN,
    ),
    DayRecord(
        THU,
        Text(
            ru="Поездка в Клиши-су-Буа",
            fr="Visite à Clichy-sous-Bois",
            en="Visit to Clichy-sous-Bois",
        ),
        CLICHY,
    ),
    DayRecord(
        FRI,
        Text(
            ru="Культура, спорт и гражданские инициативы",
            fr="Culture, sport et initiatives citoyennes",
            en="Culture, sport and citizens' initiatives",
        ),
        PARIS,
    ),
    DayRecord(
        SAT,
        Text(ru="Итоги и отъезд", fr="Bilan et départ", en="Review and departure"),
        PARIS,
    ),
)

GROUPS = {
    "museums": GroupRecord(
        name=Text(
            ru="Музеи и библиотеки", fr="Musées et bibliothèques", en="Museums and libraries"
        ),
        description=Text(
            ru="Сотрудники музеев, библиотек и домов культуры.",
            fr="Les équipes de musées, de bibliothèques et de maisons de la culture.",
            en="Staff of museums, libraries and houses of culture.",
        ),
    ),
    "city": GroupRecord(
        name=Text(
            ru="Город и администрации", fr="Ville et administrations", en="City and administrations"
        ),
        description=Text(
            ru="Представители администраций, архитекторы, девелоперы и активисты.",
            fr="Agents des administrations, architectes, promoteurs et militants associatifs.",
            en="District officials, architects, developers and activists.",
        ),
    ),
}

SESSIONS = (
    # --- Sunday 12 May: arrival -------------------------------------------------------
    SessionRecord(
        SUN,
        "13:00",
        "15:00",
        "transfer",
        Text(
            ru="Встреча в аэропорту и трансфер в гостиницу",
            fr="Accueil à l'aéroport et transfert à l'hôtel",
            en="Welcome at the airport and transfer to the hotel",
        ),
        Text(
            ru="Организатор встречает делегацию в аэропорту Шарль-де-Голль.",
            fr="L'organisateur accueille la délégation à l'aéroport Charles-de-Gaulle.",
            en="The organiser meets the delegation at Charles de Gaulle airport.",
        ),
        meeting_point=Text(
            ru="Аэропорт Шарль-де-Голль, зона прилёта",
            fr="Aéroport Charles-de-Gaulle, hall des arrivées",
            en="Charles de Gaulle airport, arrivals hall",
        ),
        hosts=("dest",),
    ),
    SessionRecord(
        SUN,
        "18:00",
        "19:00",
        "meeting",
        Text(
            ru="Знакомство и презентация программы",
            fr="Présentations et programme de la semaine",
            en="Introductions and the week's programme",
        ),
        Text(
            ru=(
                "Участники представляются друг другу; D'EST рассказывает о программе недели, "
                "о правилах встреч и о практических вопросах."
            ),
            fr=(
                "Tour de table des participants ; D'EST présente le programme de la semaine, "
                "le déroulement des rencontres et les questions pratiques."
            ),
            en=(
                "The participants introduce themselves; D'EST presents the week's programme, "
                "how the meetings run, and practical matters."
            ),
        ),
        meeting_point=Text(ru="Холл гостиницы", fr="Hall de l'hôtel", en="Hotel lobby"),
        hosts=("dest",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        SUN,
        "19:30",
        "21:30",
        "meal",
        Text(ru="Приветственный ужин", fr="Dîner d'accueil", en="Welcome dinner"),
        hosts=("dest",),
        meeting_point=Text(ru="Холл гостиницы", fr="Hall de l'hôtel", en="Hotel lobby"),
    ),
    # --- Monday 13 May: the City of Paris ---------------------------------------------
    SessionRecord(
        MON,
        "10:00",
        "12:30",
        "meeting",
        Text(
            ru="Мэрия Парижа: муниципальная политика приёма беженцев",
            fr="Mairie de Paris : la politique municipale d'accueil des réfugiés",
            en="City of Paris: the municipal policy for welcoming refugees",
        ),
        Text(
            ru=(
                "Представители Мэрии рассказывают о плане «Мобилизация парижского сообщества "
                "для приёма беженцев» (восемнадцать обязательств), о гуманитарных центрах, о "
                "доступе к правам и о поддержке волонтёров. Вопросы и обсуждение. Перед "
                "встречей прочитайте краткое изложение плана (материалы к встрече)."
            ),
            fr=(
                "Les services de la Ville présentent le plan « Mobilisation de la communauté "
                "de Paris pour l'accueil des réfugiés » (dix-huit engagements), les centres "
                "d'accueil, l'accès aux droits et le soutien aux bénévoles. Questions et "
                "échanges. À lire avant la rencontre : la synthèse du plan (documents)."
            ),
            en=(
                "City staff present the plan “Mobilising the Paris community to welcome "
                "refugees” (eighteen commitments), the reception centres, access to rights "
                "and support for volunteers. Questions and discussion. Read the summary of "
                "the plan before the meeting (see the documents)."
            ),
        ),
        venue="hotel-de-ville",
        hosts=("mairie-paris",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
        key="mairie-paris",
    ),
    SessionRecord(MON, "12:30", "14:00", "meal", LUNCH, LUNCH_NOTE),
    SessionRecord(
        MON,
        "14:30",
        "17:00",
        "workshop",
        Text(
            ru="BAAM: сопровождение мигрантов шаг за шагом",
            fr="BAAM : l'accompagnement des migrants pas à pas",
            en="BAAM: supporting migrants step by step",
        ),
        Text(
            ru=(
                "Мастер-класс о работе бюро: языковые курсы, культурные и спортивные "
                "мероприятия, консультации для ЛГБТ-мигрантов, юридическая помощь в "
                "получении статуса. Как ассоциация работает вместе с Мэрией Парижа."
            ),
            fr=(
                "Atelier sur le travail du bureau : cours de langue, activités culturelles et "
                "sportives, permanences pour les personnes LGBT, aide juridique pour obtenir "
                "un titre de séjour. Comment l'association travaille avec la Mairie de Paris."
            ),
            en=(
                "Workshop on the bureau's work: language classes, cultural and sports "
                "activities, advice for LGBT migrants, legal help to obtain a status. How the "
                "association works with the City of Paris."
            ),
        ),
        hosts=("baam",),
        meeting_point=Text(
            ru="Помещение BAAM; адрес сообщит организатор",
            fr="Locaux du BAAM ; l'organisateur communique l'adresse",
            en="BAAM's premises; the organiser sends the address",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        MON,
        "17:30",
        "20:00",
        "free_time",
        Text(ru="Свободное время", fr="Temps libre", en="Free time"),
    ),
    # --- Tuesday 14 May: museums and libraries; city and architecture -----------------
    SessionRecord(
        TUE,
        "10:00",
        "11:00",
        "lecture",
        Text(
            ru="Лекция: два века иммиграции во Францию",
            fr="Conférence : deux siècles d'immigration en France",
            en="Lecture: two centuries of immigration to France",
        ),
        Text(
            ru=(
                "Сотрудники музея рассказывают об истории иммиграции во Францию с XIX века и "
                "о том, как музей показывает вклад мигрантов в жизнь страны."
            ),
            fr=(
                "L'équipe du musée retrace l'histoire de l'immigration en France depuis le "
                "XIXe siècle et explique comment le musée montre l'apport des migrants."
            ),
            en=(
                "The museum team traces the history of immigration to France since the "
                "nineteenth century and how the museum shows what migrants brought."
            ),
        ),
        venue="palais-porte-doree",
        hosts=("musee-immigration",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        TUE,
        "11:00",
        "12:30",
        "site_visit",
        Text(
            ru="Экскурсия по постоянной экспозиции и встреча с отделом по работе с публикой",
            fr="Visite de l'exposition permanente et rencontre avec le service des publics",
            en="Tour of the permanent exhibition and meeting with the visitor services",
        ),
        Text(
            ru=(
                "Как музей проводит экскурсии для беженцев и мигрантов, в том числе на их "
                "родном языке, и как организует с ними кинопоказы, концерты и спектакли."
            ),
            fr=(
                "Comment le musée organise des visites pour les personnes réfugiées et "
                "migrantes, y compris dans leur langue, et monte avec elles des projections, "
                "des concerts et des spectacles."
            ),
            en=(
                "How the museum runs tours for refugees and migrants, including in their own "
                "languages, and stages screenings, concerts and performances with them."
            ),
        ),
        venue="palais-porte-doree",
        hosts=("musee-immigration",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(TUE, "12:30", "14:00", "meal", LUNCH, LUNCH_NOTE),
    SessionRecord(
        TUE,
        "14:30",
        "17:00",
        "workshop",
        Text(
            ru="Библиотеки без границ: библиотека для мигрантов и вместе с ними",
            fr="Bibliothèques Sans Frontières : la bibliothèque pour et avec les migrants",
            en="Libraries Without Borders: the library for and with migrants",
        ),
        Text(
            ru=(
                "Мастер-класс для библиотекарей и сотрудников музеев: библиотека как место "
                "встреч и лаборатория идей, платформа обучения библиотекарей работе с "
                "мигрантами, обмен опытом российских участников."
            ),
            fr=(
                "Atelier pour les bibliothécaires et les équipes de musées : la bibliothèque "
                "comme lieu de rencontre et laboratoire d'idées, la plateforme de formation "
                "des bibliothécaires à l'accueil des publics migrants, retours d'expérience "
                "des participants russes."
            ),
            en=(
                "Workshop for librarians and museum staff: the library as a meeting place and "
                "a laboratory of ideas, the platform that trains librarians to welcome "
                "migrants, and the Russian participants' own experience."
            ),
        ),
        hosts=("bsf",),
        groups=("museums",),
        meeting_point=Text(
            ru="Помещение ассоциации; адрес сообщит организатор",
            fr="Locaux de l'association ; l'organisateur communique l'adresse",
            en="The association's premises; the organiser sends the address",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        TUE,
        "14:30",
        "17:00",
        "workshop",
        Text(
            ru="PEROU: архитектура гостеприимства",
            fr="PEROU : une architecture de l'hospitalité",
            en="PEROU: an architecture of hospitality",
        ),
        Text(
            ru=(
                "Мастер-класс для архитекторов, девелоперов и представителей администраций: "
                "проекты временных убежищ и мест для расселения мигрантов, раздача "
                "бесплатных завтраков, работа с городом."
            ),
            fr=(
                "Atelier pour les architectes, les promoteurs et les agents des "
                "administrations : projets d'abris temporaires et de lieux d'hébergement, "
                "distribution de petits-déjeuners, dialogue avec la ville."
            ),
            en=(
                "Workshop for architects, developers and officials: projects for temporary "
                "shelters and places to house migrants, free breakfasts, working with the "
                "city."
            ),
        ),
        hosts=("perou",),
        groups=("city",),
        meeting_point=Text(
            ru="Помещение PEROU; адрес сообщит организатор",
            fr="Locaux du PEROU ; l'organisateur communique l'adresse",
            en="PEROU's premises; the organiser sends the address",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=Text(
            ru="русский — французский (второй переводчик)",
            fr="russe–français (second interprète)",
            en="Russian–French (second interpreter)",
        ),
        private_notes="Book the second interpreter: both groups meet at the same time.",
    ),
    SessionRecord(
        TUE,
        "17:30",
        "21:00",
        "free_time",
        Text(ru="Свободное время", fr="Temps libre", en="Free time"),
    ),
    # --- Wednesday 15 May: Rouen ------------------------------------------------------
    SessionRecord(
        WED,
        "08:20",
        "09:40",
        "transfer",
        Text(
            ru="Поезд Париж (Сен-Лазар) — Руан",
            fr="Train Paris Saint-Lazare – Rouen",
            en="Train Paris Saint-Lazare – Rouen",
        ),
        Text(
            ru="Билеты у организатора. Сбор в 7:50 у табло отправления.",
            fr=(
                "Billets remis par l'organisateur. "
                "Rendez-vous à 7 h 50 sous le tableau des départs."
            ),
            en="The organiser has the tickets. Meet at 7:50 under the departures board.",
        ),
        venue="gare-saint-lazare",
        hosts=("dest",),
        meeting_point=Text(
            ru="Вокзал Сен-Лазар, табло отправления",
            fr="Gare Saint-Lazare, tableau des départs",
            en="Gare Saint-Lazare, departures board",
        ),
    ),
    SessionRecord(
        WED,
        "10:00",
        "12:30",
        "workshop",
        Text(
            ru="Échelle Inconnue: искусство, цифровые технологии и город",
            fr="Échelle Inconnue : art, numérique et ville",
            en="Échelle Inconnue: art, digital tools and the city",
        ),
        Text(
            ru=(
                "Как ассоциация работает с бездомными художниками, цыганами и мигрантами: "
                "видео, дизайн, сайты, контекстуальное искусство в городском пространстве."
            ),
            fr=(
                "Comment l'association travaille avec des artistes sans domicile, des Roms et "
                "des personnes migrantes : vidéo, design, sites internet, art contextuel dans "
                "l'espace urbain."
            ),
            en=(
                "How the association works with homeless artists, Roma and migrants: video, "
                "design, web sites, contextual art in urban space."
            ),
        ),
        venue="echelle-inconnue",
        hosts=("echelle-inconnue",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(WED, "12:30", "14:00", "meal", LUNCH, LUNCH_NOTE),
    SessionRecord(
        WED,
        "14:00",
        "16:30",
        "site_visit",
        Text(
            ru="Прогулка по Руану с Échelle Inconnue",
            fr="Marche urbaine à Rouen avec Échelle Inconnue",
            en="Urban walk in Rouen with Échelle Inconnue",
        ),
        Text(
            ru="Места, где ассоциация работала с жителями: как искусство вписывается в город.",
            fr=(
                "Les lieux où l'association a travaillé avec les habitants : "
                "l'art inscrit dans la ville."
            ),
            en="Places where the association worked with residents: art written into the city.",
        ),
        venue="echelle-inconnue",
        hosts=("echelle-inconnue",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        WED,
        "17:10",
        "18:30",
        "transfer",
        Text(
            ru="Поезд Руан — Париж (Сен-Лазар)",
            fr="Train Rouen – Paris Saint-Lazare",
            en="Train Rouen – Paris Saint-Lazare",
        ),
        venue="gare-rouen",
        hosts=("dest",),
    ),
    # --- Thursday 16 May: Clichy-sous-Bois --------------------------------------------
    SessionRecord(
        THU,
        "09:00",
        "10:00",
        "transfer",
        Text(
            ru="Автобус в Клиши-су-Буа",
            fr="Car pour Clichy-sous-Bois",
            en="Coach to Clichy-sous-Bois",
        ),
        meeting_point=Text(
            ru="У входа в гостиницу", fr="Devant l'hôtel", en="In front of the hotel"
        ),
        hosts=("dest",),
    ),
    SessionRecord(
        THU,
        "10:00",
        "12:30",
        "meeting",
        Text(
            ru="Мэрия Клиши-су-Буа: обновление города и приём новых жителей",
            fr=(
                "Mairie de Clichy-sous-Bois : renouvellement urbain et accueil des "
                "nouveaux habitants"
            ),
            en="Clichy-sous-Bois town hall: urban renewal and welcoming new residents",
        ),
        Text(
            ru=(
                "Встреча с избранными представителями и сотрудниками мэрии: программа "
                "обновления кварталов, работа с новыми жителями, молодёжные и культурные "
                "проекты."
            ),
            fr=(
                "Rencontre avec des élus et des agents de la ville : le programme de "
                "renouvellement des quartiers, l'accueil des nouveaux habitants, les projets "
                "culturels et les projets avec les jeunes."
            ),
            en=(
                "Meeting with elected representatives and staff of the town: the "
                "neighbourhood renewal programme, welcoming new residents, cultural and "
                "youth projects."
            ),
        ),
        venue="clichy-mairie",
        hosts=("clichy-sous-bois",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(THU, "12:30", "14:00", "meal", LUNCH, LUNCH_NOTE),
    SessionRecord(
        THU,
        "14:00",
        "16:00",
        "site_visit",
        Text(
            ru="Прогулка по обновлённым кварталам",
            fr="Visite des quartiers rénovés",
            en="Walk through the renewed neighbourhoods",
        ),
        Text(
            ru="С сотрудниками мэрии: новое жильё, общественные пространства, школы.",
            fr="Avec les équipes de la ville : nouveaux logements, espaces publics, écoles.",
            en="With the town's staff: new housing, public spaces, schools.",
        ),
        venue="clichy-mairie",
        hosts=("clichy-sous-bois",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        THU,
        "16:00",
        "17:00",
        "transfer",
        Text(ru="Автобус обратно в Париж", fr="Retour en car à Paris", en="Coach back to Paris"),
        hosts=("dest",),
    ),
    # --- Friday 17 May: culture, sport, citizens' initiatives -------------------------
    SessionRecord(
        FRI,
        "10:00",
        "12:30",
        "meeting",
        Text(
            ru="Мастерская художников в изгнании",
            fr="L'Atelier des artistes en exil",
            en="The Atelier des artistes en exil",
        ),
        Text(
            ru=(
                "Знакомство с мастерской: рабочие пространства, сопровождение художников, "
                "связи с французскими профессионалами, фестиваль. Встреча с художниками."
            ),
            fr=(
                "Découverte de l'Atelier : espaces de travail, accompagnement des artistes, "
                "mise en relation avec les professionnels français, festival. Rencontre avec "
                "des artistes."
            ),
            en=(
                "Discovering the Atelier: work spaces, support for artists, introductions to "
                "French professionals, the festival. Meeting artists."
            ),
        ),
        venue="aa-e",
        hosts=("aa-e",),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(FRI, "12:30", "14:00", "meal", LUNCH, LUNCH_NOTE),
    SessionRecord(
        FRI,
        "14:30",
        "16:00",
        "meeting",
        Text(
            ru="Singa France: связи между жителями и новоприбывшими",
            fr="Singa France : créer du lien entre habitants et nouveaux arrivants",
            en="Singa France: linking residents and newcomers",
        ),
        Text(
            ru=(
                "Концерты и фестивали с участием мигрантов и беженцев, помощь в поиске работы "
                "и в создании собственного дела."
            ),
            fr=(
                "Concerts et festivals avec des personnes migrantes et réfugiées, aide à la "
                "recherche d'emploi et à la création d'entreprise."
            ),
            en=(
                "Concerts and festivals with migrants and refugees, help with finding work "
                "and starting a business."
            ),
        ),
        hosts=("singa",),
        meeting_point=Text(
            ru="Помещение Singa; адрес сообщит организатор",
            fr="Locaux de Singa ; l'organisateur communique l'adresse",
            en="Singa's premises; the organiser sends the address",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        FRI,
        "16:30",
        "18:00",
        "discussion",
        Text(
            ru="Ticket d'entrée: культурные выходы для беженцев",
            fr="Ticket d'entrée : des sorties culturelles pour les réfugiés",
            en="Ticket d'entrée: cultural outings for refugees",
        ),
        Text(
            ru=(
                "Как небольшая ассоциация организует бесплатные походы в музеи, театры и на "
                "концерты вместе с мэрией 19-го округа и библиотеками."
            ),
            fr=(
                "Comment une petite association organise des sorties gratuites au musée, au "
                "théâtre et au concert avec la mairie du 19e arrondissement et les "
                "bibliothèques."
            ),
            en=(
                "How a small association organises free outings to museums, theatres and "
                "concerts with the town hall of the 19th arrondissement and libraries."
            ),
        ),
        hosts=("ticket-entree",),
        groups=("museums",),
        meeting_point=Text(
            ru="Адрес в 19-м округе сообщит организатор",
            fr="Dans le 19e arrondissement ; l'organisateur communique l'adresse",
            en="In the 19th arrondissement; the organiser sends the address",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        FRI,
        "16:30",
        "18:00",
        "discussion",
        Text(
            ru="Join Hands: спорт как инструмент интеграции",
            fr="Join Hands : le sport comme outil d'intégration",
            en="Join Hands: sport as a tool for integration",
        ),
        Text(
            ru=(
                "Спортивные мероприятия для беженцев и мигрантов: работа со спортивными "
                "площадками, клубами и муниципалитетами."
            ),
            fr=(
                "Des activités sportives pour les personnes réfugiées et migrantes : le "
                "travail avec les équipements, les clubs et les municipalités."
            ),
            en=(
                "Sports activities for refugees and migrants: working with sports grounds, "
                "clubs and municipalities."
            ),
        ),
        hosts=("join-hands",),
        groups=("city",),
        meeting_point=Text(
            ru="Адрес спортивной площадки сообщит организатор",
            fr="L'organisateur communique l'adresse du terrain de sport",
            en="The organiser sends the address of the sports ground",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=Text(
            ru="русский — французский (второй переводчик)",
            fr="russe–français (second interprète)",
            en="Russian–French (second interpreter)",
        ),
        private_notes="Book the second interpreter: both groups meet at the same time.",
    ),
    # --- Saturday 18 May: review and departure ----------------------------------------
    SessionRecord(
        SAT,
        "10:00",
        "12:00",
        "discussion",
        Text(
            ru="Итоги недели: что мы увезём в свои города",
            fr="Bilan de la semaine : ce que nous rapportons dans nos villes",
            en="Review of the week: what we take home to our cities",
        ),
        Text(
            ru=(
                "Обсуждение увиденного, идеи для проектов в российских городах, дальнейшие "
                "контакты с французскими собеседниками."
            ),
            fr=(
                "Retour sur les rencontres, idées de projets pour les villes russes, suites à "
                "donner avec les interlocuteurs français."
            ),
            en=(
                "Looking back on the meetings, project ideas for the Russian cities, and "
                "follow-up with the French hosts."
            ),
        ),
        hosts=("dest",),
        meeting_point=Text(
            ru="Зал для встреч в гостинице",
            fr="Salle de réunion de l'hôtel",
            en="Hotel meeting room",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=RU_FR,
    ),
    SessionRecord(
        SAT,
        "12:00",
        "13:30",
        "meal",
        Text(ru="Прощальный обед", fr="Déjeuner d'au revoir", en="Farewell lunch"),
        hosts=("dest",),
    ),
    SessionRecord(
        SAT,
        "15:00",
        "17:00",
        "transfer",
        Text(
            ru="Трансфер в аэропорт Шарль-де-Голль",
            fr="Transfert à l'aéroport Charles-de-Gaulle",
            en="Transfer to Charles de Gaulle airport",
        ),
        meeting_point=Text(
            ru="У входа в гостиницу, с багажом",
            fr="Devant l'hôtel, avec les bagages",
            en="In front of the hotel, with luggage",
        ),
        hosts=("dest",),
    ),
)
