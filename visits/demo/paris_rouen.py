"""The flagship demo: D'EST's study visit to Paris and Rouen, 12–18 May 2019 (seed 000).

The goals, content, themes and host organisations come from the programme booklet. The
booklet gives no times, so the week below is an illustrative schedule, and the visit says
so in ``schedule_note``.
"""

from visits.demo.delegation import PARIS_ROUEN_DELEGATION
from visits.demo.paris_rouen_schedule import DAYS, GROUPS, SAT, SESSIONS, SUN
from visits.demo.records import EmergencyContactRecord, ResourceRecord, Text, VisitRecord

GOALS = Text(
    ru=(
        "Изучение представителями администраций районов, работниками домов культуры и музеев, "
        "активистами, социально ответственными девелоперами и архитекторами из разных "
        "городов России французского опыта по вопросам города и миграции, городских практик "
        "интеграции мигрантов и беженцев на местном уровне.\n"
        "Знакомство и практический обмен с французскими коллегами в ходе мастер-классов, "
        "тематических семинаров и встреч.\n"
        "Получение дополнительных знаний о поддержке мигрантов, не говорящих по-французски, "
        "которую предлагают государственные и независимые организации."
    ),
    fr=(
        "Permettre à des représentants d'administrations de quartier, à des employés de "
        "maisons de la culture et de musées, à des militants associatifs, à des promoteurs "
        "socialement responsables et à des architectes venus de plusieurs villes de Russie "
        "d'étudier l'expérience française sur la ville et les migrations, et les pratiques "
        "urbaines d'intégration des migrants et des réfugiés à l'échelle locale.\n"
        "Rencontrer des collègues français et échanger avec eux de façon concrète, au fil "
        "d'ateliers, de séminaires thématiques et de rencontres.\n"
        "Approfondir les connaissances sur l'accompagnement des migrants non francophones "
        "proposé par les institutions publiques et les organisations indépendantes."
    ),
    en=(
        "To let district administrators, staff of houses of culture and museums, activists, "
        "socially responsible developers and architects from several Russian cities study "
        "the French experience of cities and migration, and the urban practices that "
        "integrate migrants and refugees at the local level.\n"
        "To meet French colleagues and exchange with them in practice, through workshops, "
        "thematic seminars and meetings.\n"
        "To learn more about the support that public bodies and independent organisations "
        "offer to migrants who do not speak French."
    ),
)

CONTENT = Text(
    ru=(
        "Программа семинаров, встреч, визитов, лекций, конференций, дискуссий и экскурсий со "
        "специалистами в выбранной тематике, мастер-классов и практических кейсов. Участие во "
        "встречах и мероприятиях, которые позволят российским участникам увидеть, как "
        "проходит интеграция беженцев и мигрантов на местном уровне во Франции: музейные, "
        "ассоциативные и муниципальные практики, разнообразные низовые (grass-roots) "
        "инициативы.\n\n"
        "Наша цель — наблюдать и изучать различные методы и подходы, которые применяют "
        "французское гражданское общество, муниципалитеты, государственные музеи и "
        "библиотеки в отношении беженцев и мигрантов, живущих во Франции, через встречи и "
        "обсуждения с самыми разными собеседниками: ассоциациями, работниками community "
        "centres и домов культуры, музеев и библиотек, представителями мэрий округов "
        "Парижа.\n\n"
        "Опираясь на практический подход и полученный ранее опыт, наши мастерские по-разному "
        "освещают темы, перечисленные ниже.\n\n"
        "Программа реализуется французской ассоциацией D'EST с 12 по 18 мая 2019 года в "
        "Париже и Руане при поддержке Посольства Франции в РФ и Мэрии Парижа."
    ),
    fr=(
        "Un programme de séminaires, de rencontres, de visites, de conférences, de débats et "
        "d'excursions avec des spécialistes du sujet, d'ateliers et d'études de cas "
        "concrets. Les participants russes prennent part à des rencontres et à des "
        "événements qui leur montrent comment se passe l'intégration des réfugiés et des "
        "migrants à l'échelle locale en France : pratiques des musées, des associations et "
        "des municipalités, initiatives citoyennes de toutes sortes.\n\n"
        "Notre but : observer et étudier les méthodes et les approches de la société civile "
        "française, des municipalités, des musées et des bibliothèques publics envers les "
        "réfugiés et les migrants vivant en France, en rencontrant et en discutant avec des "
        "interlocuteurs variés : associations, équipes de centres sociaux et de maisons de "
        "la culture, de musées et de bibliothèques, élus et agents des mairies "
        "d'arrondissement de Paris.\n\n"
        "Fondés sur une approche pratique et sur l'expérience acquise lors des programmes "
        "précédents, nos ateliers éclairent de plusieurs façons les thèmes ci-dessous.\n\n"
        "Le programme est mis en œuvre par l'association française D'EST du 12 au 18 mai 2019 "
        "à Paris et à Rouen, avec le soutien de l'Ambassade de France en Russie et de la "
        "Mairie de Paris."
    ),
    en=(
        "A programme of seminars, meetings, visits, lectures, conferences, discussions and "
        "excursions with specialists of the field, workshops and practical case studies. The "
        "Russian participants attend meetings and events that show them how refugees and "
        "migrants are integrated at the local level in France: practices of museums, "
        "associations and municipalities, and all kinds of grass-roots initiatives.\n\n"
        "Our aim is to observe and study the methods and approaches that French civil "
        "society, municipalities, and public museums and libraries apply to refugees and "
        "migrants living in France, by meeting and talking with a wide range of people: "
        "associations, staff of community centres and houses of culture, museums and "
        "libraries, and representatives of the district town halls of Paris.\n\n"
        "Building on a practical approach and on earlier experience, our workshops shed "
        "light on the themes below in several ways.\n\n"
        "The programme is run by the French association D'EST from 12 to 18 May 2019 in "
        "Paris and Rouen, with the support of the Embassy of France in Russia and the City "
        "of Paris."
    ),
)

THEMES = Text(
    ru=(
        "Сопровождение, работа и различные практики, предлагаемые беженцам и мигрантам во "
        "французских музеях и библиотеках\n"
        "Знакомство с различными НКО и ассоциациями, работающими в сфере интеграции "
        "мигрантов и беженцев\n"
        "Знакомство с муниципальной политикой в отношении мигрантов и беженцев"
    ),
    fr=(
        "L'accompagnement, le travail et les pratiques proposés aux réfugiés et aux migrants "
        "dans les musées et les bibliothèques français\n"
        "Les ONG et les associations qui agissent pour l'intégration des migrants et des "
        "réfugiés\n"
        "Les politiques municipales envers les migrants et les réfugiés"
    ),
    en=(
        "Support, work and practices offered to refugees and migrants in French museums and "
        "libraries\n"
        "NGOs and associations working for the integration of migrants and refugees\n"
        "Municipal policies towards migrants and refugees"
    ),
)

PRACTICAL_INFORMATION = Text(
    ru=(
        "Перевод: все встречи сопровождает переводчица D'EST (последовательный перевод, "
        "русский — французский).\n"
        "Транспорт: в Париже мы передвигаемся на метро; билеты выдаёт организатор. В Руан "
        "едем поездом с вокзала Сен-Лазар, в Клиши-су-Буа — на заказном автобусе.\n"
        "Пунктуальность: приходите на место встречи за 15 минут до начала; французские "
        "собеседники выделяют нам точное время.\n"
        "Документы: всегда имейте при себе паспорт — в мэриях и государственных учреждениях "
        "его проверяют на входе.\n"
        "Погода в мае переменчива: возьмите зонт и удобную обувь для прогулок по городу.\n"
        "В экстренной ситуации звоните по номерам, указанным в буклете; общеевропейский "
        "номер экстренных служб — 112."
    ),
    fr=(
        "Interprétation : l'interprète de D'EST accompagne toutes les rencontres "
        "(consécutive, russe–français).\n"
        "Transports : à Paris, nous circulons en métro ; l'organisateur remet les titres de "
        "transport. Nous allons à Rouen en train depuis la gare Saint-Lazare, à "
        "Clichy-sous-Bois en car.\n"
        "Ponctualité : soyez au point de rendez-vous 15 minutes avant l'heure ; nos hôtes "
        "nous reçoivent sur un créneau précis.\n"
        "Papiers : gardez toujours votre passeport sur vous ; les mairies et les "
        "administrations le demandent à l'entrée.\n"
        "Le temps de mai est changeant : prévoyez un parapluie et des chaussures confortables "
        "pour les visites à pied.\n"
        "En cas d'urgence, appelez les numéros du livret ; le numéro d'urgence européen est "
        "le 112."
    ),
    en=(
        "Interpretation: D'EST's interpreter accompanies every meeting (consecutive, "
        "Russian–French).\n"
        "Transport: in Paris we travel by metro; the organiser hands out the tickets. We go "
        "to Rouen by train from Gare Saint-Lazare and to Clichy-sous-Bois by coach.\n"
        "Punctuality: be at the meeting point 15 minutes early; our hosts receive us in a "
        "fixed slot.\n"
        "Papers: always carry your passport; town halls and public offices check it at the "
        "entrance.\n"
        "May weather is changeable: bring an umbrella and comfortable shoes for the walks.\n"
        "In an emergency, call the numbers in this booklet; the European emergency number is "
        "112."
    ),
)

SCHEDULE_NOTE = Text(
    ru=(
        "Расписание по дням — примерное: в буклете программы нет времени встреч. Точное "
        "время и адреса организатор подтверждает накануне."
    ),
    fr=(
        "Le déroulé jour par jour est indicatif : le livret du programme ne donne pas les "
        "horaires. L'organisateur confirme les heures et les adresses la veille."
    ),
    en=(
        "The day-by-day schedule is illustrative: the programme booklet gives no times. The "
        "organiser confirms times and addresses the day before."
    ),
)

EMERGENCY_CONTACTS = (
    EmergencyContactRecord(
        name="D'EST",
        role=Text(
            ru="Организатор, дежурный телефон",
            fr="Organisateur, permanence téléphonique",
            en="Organiser, duty phone",
        ),
        phone="+33 1 00 00 00 01",
        email="dest@d-est.org",
    ),
    EmergencyContactRecord(
        name="Irina Kovaleva",
        role=Text(ru="Переводчица", fr="Interprète", en="Interpreter"),
        phone="+33 1 00 00 00 02",
        email="irina.kovaleva@example.org",
    ),
    EmergencyContactRecord(
        name="112",
        role=Text(
            ru="Единый европейский номер экстренных служб (полиция, пожарные, скорая помощь)",
            fr="Numéro d'urgence européen (police, pompiers, SAMU)",
            en="European emergency number (police, fire brigade, ambulance)",
        ),
        phone="112",
    ),
)

CITY_OF_PARIS_PLAN = ResourceRecord(
    title=Text(
        ru="«Мобилизация парижского сообщества для приёма беженцев» (Мэрия Парижа, 4 мая 2016)",
        fr="Mobilisation de la communauté de Paris pour l'accueil des réfugiés (4 mai 2016)",
        en="Mobilising the Paris community to welcome refugees (City of Paris, 4 May 2016)",
    ),
    summary=Text(
        ru=(
            "План Мэрии Парижа: четыре направления и восемнадцать обязательств — защита "
            "несовершеннолетних без сопровождения, женщин и семей, доступ к правам и к "
            "медицинской помощи, новые центры приёма, изучение французского языка, поддержка "
            "парижан, принимающих беженцев, и международная солидарность. Документ на "
            "французском языке, итоги на 4 мая 2016 года."
        ),
        fr=(
            "Le plan de la Ville de Paris : quatre piliers et dix-huit engagements — "
            "protection des mineurs isolés, des femmes et des familles, accès aux droits et "
            "aux soins, nouveaux centres d'accueil, apprentissage du français, soutien aux "
            "Parisiens qui accueillent des réfugiés, solidarité internationale. Les "
            "réalisations au 4 mai 2016."
        ),
        en=(
            "The City of Paris plan: four pillars and eighteen commitments — protecting "
            "unaccompanied minors, women and families, access to rights and health care, new "
            "reception centres, learning French, supporting Parisians who host refugees, and "
            "international solidarity. In French; achievements as of 4 May 2016."
        ),
    ),
    file_name="paris-mobilisation-accueil-refugies-2016.md",
    language="fr",
    session="mairie-paris",
)

VISIT = VisitRecord(
    slug="paris-rouen-2019",
    title=Text(
        ru="Учебный визит в Париж и Руан",
        fr="Visite d'étude à Paris et Rouen",
        en="Study visit to Paris and Rouen",
    ),
    subtitle=Text(
        ru="Город и миграция: местные практики интеграции мигрантов и беженцев",
        fr=(
            "La ville et les migrations : pratiques locales d'intégration des migrants "
            "et des réfugiés"
        ),
        en="Cities and migration: local practices for integrating migrants and refugees",
    ),
    cities=Text(
        ru="Париж, Руан, Клиши-су-Буа",
        fr="Paris, Rouen, Clichy-sous-Bois",
        en="Paris, Rouen, Clichy-sous-Bois",
    ),
    start_date=SUN,
    end_date=SAT,
    organiser="dest",
    first_language="ru",
    second_language="fr",
    goals=GOALS,
    content=CONTENT,
    themes=THEMES,
    practical_information=PRACTICAL_INFORMATION,
    schedule_note=SCHEDULE_NOTE,
    partners=(("ambassade-russie", "supporter"), ("mairie-paris", "supporter")),
    days=DAYS,
    groups=GROUPS,
    sessions=SESSIONS,
    participants=PARIS_ROUEN_DELEGATION,
    emergency_contacts=EMERGENCY_CONTACTS,
    resources=(CITY_OF_PARIS_PLAN,),
)
