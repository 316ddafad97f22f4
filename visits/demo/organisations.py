"""The organisations of the two demo visits: shared records, kept once and reused.

Names and web sites come from the programmes these demo visits are modelled on or are
public knowledge; where we know of no web site we could vouch for, the field stays empty.
"""

from visits.demo.records import OrganisationRecord, Text, same

PARIS = Text(ru="Париж", fr="Paris", en="Paris")
ROUEN = Text(ru="Руан", fr="Rouen", en="Rouen")
CLICHY = Text(ru="Клиши-су-Буа", fr="Clichy-sous-Bois", en="Clichy-sous-Bois")
FRANCE = Text(ru="Франция", fr="France", en="France")
SLOVENIA = Text(ru="Словения", fr="Slovénie", en="Slovenia")

ADDRESS_SENT_LATER = Text(
    ru="Точный адрес организатор сообщит накануне встречи.",
    fr="L'organisateur communique l'adresse exacte la veille de la rencontre.",
    en="The organiser sends the exact address the day before the meeting.",
)

ORGANISATIONS: dict[str, OrganisationRecord] = {
    # --- Organiser and supporters of the Paris and Rouen visit --------------------------
    "dest": OrganisationRecord(
        name=same("D'EST"),
        kind="association",
        language="fr",
        website="https://www.d-est.org",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Французская ассоциация, которая организует учебные визиты и профессиональные "
                "обмены между Францией и Россией: встречи с французскими коллегами, "
                "мастер-классы и тематические семинары о городе, культуре и миграции."
            ),
            fr=(
                "Association française qui organise des visites d'étude et des échanges "
                "professionnels entre la France et la Russie : rencontres avec des collègues "
                "français, ateliers et séminaires thématiques sur la ville, la culture et les "
                "migrations."
            ),
            en=(
                "A French association that runs study visits and professional exchanges "
                "between France and Russia: meetings with French colleagues, workshops and "
                "thematic seminars on cities, culture and migration."
            ),
        ),
    ),
    "ambassade-russie": OrganisationRecord(
        name=Text(
            ru="Посольство Франции в России",
            fr="Ambassade de France en Russie",
            en="Embassy of France in Russia",
        ),
        kind="embassy",
        website="https://ru.ambafrance.org",
        city=Text(ru="Москва", fr="Moscou", en="Moscow"),
        country=Text(ru="Россия", fr="Russie", en="Russia"),
        description=Text(
            ru="Дипломатическое представительство Франции в Российской Федерации.",
            fr="La représentation diplomatique de la France en Fédération de Russie.",
            en="The diplomatic mission of France in the Russian Federation.",
        ),
    ),
    "mairie-paris": OrganisationRecord(
        name=Text(ru="Мэрия Парижа", fr="Mairie de Paris", en="City of Paris"),
        kind="municipality",
        language="fr",
        website="https://www.paris.fr",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Мэрия Парижа отвечает за муниципальную политику французской столицы, в том "
                "числе за приём мигрантов и беженцев. В 2015–2016 годах город принял план "
                "«Мобилизация парижского сообщества для приёма беженцев»: четыре направления "
                "и восемнадцать обязательств — от защиты несовершеннолетних иностранцев без "
                "сопровождения и доступа к медицинской помощи до курсов французского языка и "
                "поддержки инициатив самих парижан. У Парижа есть план действий против "
                "расизма и дискриминации; город входит в Европейскую коалицию городов против "
                "расизма (ECCAR)."
            ),
            fr=(
                "La Mairie de Paris conduit la politique municipale de la capitale, y compris "
                "l'accueil des personnes migrantes et réfugiées. En 2015-2016, la Ville a "
                "adopté le plan « Mobilisation de la communauté de Paris pour l'accueil des "
                "réfugiés » : quatre piliers et dix-huit engagements, de la protection des "
                "mineurs isolés étrangers et de l'accès aux soins jusqu'aux cours de français "
                "et au soutien des initiatives des Parisiens. Paris s'est doté d'un plan "
                "d'action contre le racisme et les discriminations et est membre de la "
                "Coalition européenne des villes contre le racisme (ECCAR)."
            ),
            en=(
                "The City of Paris runs the municipal policy of the French capital, including "
                "the reception of migrants and refugees. In 2015–2016 the City adopted the "
                "plan “Mobilising the Paris community to welcome refugees”: four pillars and "
                "eighteen commitments, from the protection of unaccompanied foreign minors "
                "and access to health care to French classes and support for Parisians' own "
                "initiatives. Paris has an action plan against racism and discrimination and "
                "is a member of the European Coalition of Cities Against Racism (ECCAR)."
            ),
        ),
    ),
    # --- Hosts of the Paris and Rouen visit (seed 000) ---------------------------------
    "singa": OrganisationRecord(
        name=same("Singa France"),
        kind="association",
        language="fr",
        website="https://www.singafrance.com/our-presentation",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Организует концерты и музыкальные фестивали с участием мигрантов и беженцев. "
                "Создаёт горизонтальные связи между жителями города и мигрантами и беженцами, "
                "в том числе помогает в поиске работы и в создании собственного дела."
            ),
            fr=(
                "Organise des concerts et des festivals de musique avec des personnes "
                "migrantes et réfugiées. Tisse des liens directs entre les habitants de la "
                "ville et les personnes migrantes et réfugiées, y compris pour trouver un "
                "emploi ou créer son entreprise."
            ),
            en=(
                "Organises concerts and music festivals with migrants and refugees. Builds "
                "direct links between the city's residents and migrants and refugees, "
                "including help with finding a job and starting a business."
            ),
        ),
    ),
    "baam": OrganisationRecord(
        name=same("BAAM"),
        kind="association",
        language="fr",
        website="https://baamasso.org/en/culture-section",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Бюро приёма и сопровождения мигрантов (Bureau d'accueil et d'accompagnement "
                "des migrants). Интеграция через культурные и спортивные мероприятия, помощь "
                "в поиске работы, языковые курсы, консультации для представителей "
                "ЛГБТ-сообщества, юридические консультации по вопросам получения легального "
                "статуса — совместно с Мэрией Парижа."
            ),
            fr=(
                "Bureau d'accueil et d'accompagnement des migrants. L'intégration par des "
                "activités culturelles et sportives, l'aide à la recherche d'emploi, des cours "
                "de langue, des permanences pour les personnes LGBT et des consultations "
                "juridiques sur l'accès à un titre de séjour, en lien avec la Mairie de Paris."
            ),
            en=(
                "Bureau for the reception and support of migrants. Integration through "
                "cultural and sports activities, help with job seeking, language classes, "
                "advice for LGBT people and legal advice on obtaining a legal status, together "
                "with the City of Paris."
            ),
        ),
    ),
    "aa-e": OrganisationRecord(
        name=Text(
            ru="Мастерская художников в изгнании",
            fr="Atelier des artistes en exil",
            en="Atelier des artistes en exil (Workshop of artists in exile)",
        ),
        kind="association",
        language="fr",
        website="https://aa-e.org/en/category/atelier-2",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Мастерская объединяет художников в изгнании из разных стран и разных "
                "художественных направлений: предоставляет им площадку для работы, помощь и "
                "сопровождение, помогает налаживать контакты с французскими профессионалами в "
                "их областях. Проводит крупный фестиваль, помогает в организации концертов и "
                "выставок."
            ),
            fr=(
                "L'Atelier réunit des artistes en exil venus de pays et de disciplines "
                "différents : il leur offre un lieu de travail, une aide et un "
                "accompagnement, et les met en relation avec des professionnels français de "
                "leur domaine. Il organise un grand festival et aide à monter des concerts et "
                "des expositions."
            ),
            en=(
                "The Atelier brings together artists in exile from many countries and "
                "disciplines: it gives them space to work, help and guidance, and introduces "
                "them to French professionals in their fields. It runs a large festival and "
                "helps to stage concerts and exhibitions."
            ),
        ),
    ),
    "perou": OrganisationRecord(
        name=Text(
            ru="PEROU (центр исследования городских ресурсов)",
            fr="PEROU – Pôle d'exploration des ressources urbaines",
            en="PEROU – Centre for the exploration of urban resources",
        ),
        kind="association",
        language="fr",
        website="http://www.perou-paris.org/Manifeste.html",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Ассоциация урбанистов и архитекторов, выступающая за более масштабный приём "
                "беженцев. Разрабатывает проекты строительства и обустройства пространств для "
                "расселения мигрантов и беженцев, в том числе временных убежищ и мобильных "
                "палаточных лагерей. Раздаёт бесплатные завтраки."
            ),
            fr=(
                "Association d'urbanistes et d'architectes qui plaide pour un accueil plus "
                "large des réfugiés. Elle conçoit des projets de construction et "
                "d'aménagement de lieux pour héberger les personnes migrantes et réfugiées, "
                "y compris des abris temporaires et des campements mobiles. Elle distribue "
                "aussi des petits-déjeuners gratuits."
            ),
            en=(
                "An association of urban planners and architects calling for a more generous "
                "welcome of refugees. It designs the building and fitting out of places to "
                "house migrants and refugees, including temporary shelters and mobile camps, "
                "and hands out free breakfasts."
            ),
        ),
    ),
    "echelle-inconnue": OrganisationRecord(
        name=same("Échelle Inconnue"),
        kind="association",
        language="fr",
        website="http://www.echelleinconnue.net/sommaire.php",
        city=ROUEN,
        country=FRANCE,
        description=Text(
            ru=(
                "Ассоциация, которая помогает прежде всего бездомным художникам, цыганам и "
                "мигрантам в сфере цифровых технологий, дизайна, создания интернет-сайтов, "
                "видео и т. д. Нацелена на создание контекстуального искусства, вписанного в "
                "пространство города."
            ),
            fr=(
                "Association qui travaille d'abord avec des artistes sans domicile, des Roms "
                "et des personnes migrantes autour du numérique, du design, de la création de "
                "sites internet, de la vidéo. Elle vise un art contextuel, inscrit dans "
                "l'espace de la ville."
            ),
            en=(
                "An association working first of all with homeless artists, Roma and migrants "
                "on digital technology, design, web sites, video and more. It aims at "
                "contextual art, written into the space of the city."
            ),
        ),
    ),
    "ticket-entree": OrganisationRecord(
        name=same("Ticket d'entrée"),
        kind="association",
        language="fr",
        # The booklet gives no web site and we know of none we could vouch for.
        website="",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Небольшая независимая ассоциация, которая организует бесплатные культурные "
                "выходы для беженцев и мигрантов: в музеи, театры, на концерты. Работает с "
                "муниципалитетом 19-го округа Парижа и с библиотеками."
            ),
            fr=(
                "Petite association indépendante qui organise des sorties culturelles "
                "gratuites pour les personnes réfugiées et migrantes : musées, théâtres, "
                "concerts. Elle travaille avec la mairie du 19e arrondissement de Paris et "
                "avec les bibliothèques."
            ),
            en=(
                "A small independent association that organises free cultural outings for "
                "refugees and migrants: museums, theatres, concerts. It works with the town "
                "hall of the 19th arrondissement of Paris and with libraries."
            ),
        ),
    ),
    "join-hands": OrganisationRecord(
        name=same("Join Hands"),
        kind="association",
        language="fr",
        # The booklet gives no web site and we know of none we could vouch for.
        website="",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Небольшая независимая ассоциация, организующая спортивные мероприятия для "
                "беженцев и мигрантов. Работает со многими спортивными площадками и "
                "ассоциациями, а также с муниципалитетами."
            ),
            fr=(
                "Petite association indépendante qui organise des activités sportives pour "
                "les personnes réfugiées et migrantes. Elle travaille avec de nombreux "
                "équipements et clubs sportifs ainsi qu'avec des municipalités."
            ),
            en=(
                "A small independent association organising sports activities for refugees "
                "and migrants. It works with many sports grounds and clubs and with "
                "municipalities."
            ),
        ),
    ),
    "musee-immigration": OrganisationRecord(
        name=Text(
            ru="Национальный музей истории иммиграции",
            fr="Musée national de l'histoire de l'immigration",
            en="National Museum of the History of Immigration",
        ),
        kind="museum",
        language="fr",
        website="https://www.histoire-immigration.fr",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Государственный музей, который собирает и представляет историю иммиграции во "
                "Францию начиная с XIX века. Его задача — показать обществу ценность вклада "
                "мигрантов в развитие Франции. Проводит экскурсии по музею для беженцев и "
                "мигрантов, в том числе на их родном языке, организует культурные "
                "мероприятия, кинопоказы, концерты и спектакли с участием беженцев и "
                "мигрантов."
            ),
            fr=(
                "Musée national qui rassemble et présente l'histoire de l'immigration en "
                "France depuis le XIXe siècle. Sa mission : montrer à la société la valeur de "
                "l'apport des migrants à la France. Il propose des visites pour les personnes "
                "réfugiées et migrantes, y compris dans leur langue, et organise des "
                "événements culturels, des projections, des concerts et des spectacles avec "
                "elles."
            ),
            en=(
                "A national museum that collects and presents the history of immigration to "
                "France since the nineteenth century. Its mission is to show society the "
                "value of what migrants have brought to France. It offers tours for refugees "
                "and migrants, including in their own languages, and organises cultural "
                "events, film screenings, concerts and performances with them."
            ),
        ),
    ),
    "bsf": OrganisationRecord(
        name=Text(
            ru="Библиотеки без границ",
            fr="Bibliothèques Sans Frontières",
            en="Libraries Without Borders (Bibliothèques Sans Frontières)",
        ),
        kind="association",
        language="fr",
        # The booklet's link, with the line-break hyphen of the print removed.
        website=(
            "https://www.bibliosansfrontieres.org/"
            "pour-mieux-accueillir-les-publics-migrants-dans-les-bibliotheques"
        ),
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Французская ассоциация, которая работает в том числе в Бурунди, Иордании и "
                "США. Продвигает открытое видение библиотеки как места встреч, коворкинга и "
                "лаборатории идей для самых незащищённых членов общества и вместе с ними — в "
                "первую очередь для мигрантов. Создала платформу для французских библиотек, "
                "которая учит библиотекарей работать с мигрантами."
            ),
            fr=(
                "Association française qui intervient aussi au Burundi, en Jordanie et aux "
                "États-Unis. Elle défend une vision ouverte de la bibliothèque : lieu de "
                "rencontre, espace de coworking, laboratoire d'idées pour et avec les "
                "personnes les plus vulnérables, et d'abord les personnes migrantes. Elle a "
                "créé une plateforme qui forme les bibliothécaires français à l'accueil des "
                "publics migrants."
            ),
            en=(
                "A French association also working in Burundi, Jordan and the United States. "
                "It stands for an open idea of the library: a meeting place, a co-working "
                "space, a laboratory of ideas for and with the most vulnerable people, first "
                "of all migrants. It built a platform that trains French librarians to "
                "welcome migrant readers."
            ),
        ),
    ),
    "clichy-sous-bois": OrganisationRecord(
        name=Text(
            ru="Мэрия Клиши-су-Буа",
            fr="Ville de Clichy-sous-Bois",
            en="Town of Clichy-sous-Bois",
        ),
        kind="municipality",
        language="fr",
        website="https://www.clichy-sous-bois.fr",
        city=CLICHY,
        country=FRANCE,
        description=Text(
            ru=(
                "Город в департаменте Сен-Сен-Дени к востоку от Парижа, около 30 000 жителей, "
                "один из самых молодых и многонациональных муниципалитетов региона "
                "Иль-де-Франс. После событий 2005 года город стал символом национальной "
                "программы обновления городских кварталов. Мэрия рассказывает о реконструкции "
                "жилья, о работе с новыми жителями и о культурных проектах для местной "
                "молодёжи."
            ),
            fr=(
                "Commune de Seine-Saint-Denis à l'est de Paris, environ 30 000 habitants, "
                "l'une des plus jeunes et des plus diverses d'Île-de-France. Après les "
                "événements de 2005, la ville est devenue un symbole du programme national de "
                "renouvellement urbain. La municipalité présente la rénovation des "
                "logements, l'accueil des nouveaux habitants et les projets culturels menés "
                "avec les jeunes."
            ),
            en=(
                "A town in Seine-Saint-Denis, east of Paris, with about 30,000 inhabitants, "
                "one of the youngest and most diverse in the Île-de-France region. After the "
                "events of 2005 it became a symbol of the national urban renewal programme. "
                "The town hall presents the renovation of housing, the welcome of new "
                "residents and cultural projects with young people."
            ),
        ),
    ),
    # --- The CIFER visit (seed 003) ---------------------------------------------------
    "france-terre-asile": OrganisationRecord(
        name=same("France terre d'asile"),
        kind="association",
        language="fr",
        website="https://www.france-terre-asile.org",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Французская ассоциация, основанная в 1970 году: приём и сопровождение "
                "просителей убежища, беженцев и несовершеннолетних иностранцев без "
                "сопровождения, а также исследования и правозащитная работа."
            ),
            fr=(
                "Association française fondée en 1970, spécialisée dans l'accueil et "
                "l'accompagnement des demandeurs d'asile, des réfugiés et des mineurs non "
                "accompagnés ; elle mène aussi des travaux de recherche et de plaidoyer."
            ),
            en=(
                "A French association founded in 1970 that receives and supports asylum "
                "seekers, refugees and unaccompanied minors, and does research and advocacy."
            ),
        ),
    ),
    "ljubljana": OrganisationRecord(
        name=Text(
            ru="Городская община Любляна",
            fr="Ville de Ljubljana",
            en="Municipality of Ljubljana",
        ),
        kind="municipality",
        website="https://www.ljubljana.si",
        city=Text(ru="Любляна", fr="Ljubljana", en="Ljubljana"),
        country=SLOVENIA,
        description=Text(
            ru="Городская администрация столицы Словении, партнёр проекта CIFER.",
            fr="L'administration municipale de la capitale slovène, partenaire du projet CIFER.",
            en="The city administration of the Slovenian capital, a partner of CIFER.",
        ),
    ),
    "peace-institute": OrganisationRecord(
        name=Text(
            ru="Институт мира (Mirovni inštitut)",
            fr="Institut de la paix (Mirovni inštitut)",
            en="Peace Institute (Mirovni inštitut)",
        ),
        kind="research_institute",
        website="https://www.mirovni-institut.si",
        city=Text(ru="Любляна", fr="Ljubljana", en="Ljubljana"),
        country=SLOVENIA,
        description=Text(
            ru=(
                "Независимый исследовательский институт в Любляне: права человека, "
                "равенство, миграция, политика в отношении меньшинств. Его исследователи "
                "написали отчёт об учебном визите в Париж."
            ),
            fr=(
                "Institut de recherche indépendant à Ljubljana : droits humains, égalité, "
                "migrations, politiques des minorités. Ses chercheuses ont écrit le compte "
                "rendu de la visite d'étude à Paris."
            ),
            en=(
                "An independent research institute in Ljubljana working on human rights, "
                "equality, migration and minority policy. Its researchers wrote the report "
                "on the study visit to Paris."
            ),
        ),
    ),
    "intercultural-dialogue": OrganisationRecord(
        name=Text(
            ru="Институт межкультурного диалога",
            fr="Institut pour le dialogue interculturel",
            en="Intercultural Dialogue Institute",
        ),
        kind="association",
        city=Text(ru="Любляна", fr="Ljubljana", en="Ljubljana"),
        country=SLOVENIA,
        description=Text(
            ru="Организация в Любляне, развивающая диалог между культурами и общинами.",
            fr="Organisation de Ljubljana qui favorise le dialogue entre cultures et communautés.",
            en="A Ljubljana organisation fostering dialogue between cultures and communities.",
        ),
    ),
    "cms-zagreb": OrganisationRecord(
        name=Text(
            ru="Центр исследований мира (Centar za mirovne studije)",
            fr="Centre d'études pour la paix (Centar za mirovne studije)",
            en="Centre for Peace Studies (Centar za mirovne studije)",
        ),
        kind="association",
        website="https://www.cms.hr",
        city=Text(ru="Загреб", fr="Zagreb", en="Zagreb"),
        country=Text(ru="Хорватия", fr="Croatie", en="Croatia"),
        description=Text(
            ru="Хорватская неправительственная организация: мир, права человека, интеграция.",
            fr="ONG croate : paix, droits humains, intégration des personnes réfugiées.",
            en="A Croatian NGO working on peace, human rights and the inclusion of refugees.",
        ),
    ),
    "menedek": OrganisationRecord(
        name=Text(
            ru="Menedék — Венгерская ассоциация помощи мигрантам",
            fr="Menedék – Association hongroise pour les migrants",
            en="Menedék – Hungarian Association for Migrants",
        ),
        kind="association",
        website="https://menedek.hu",
        city=Text(ru="Будапешт", fr="Budapest", en="Budapest"),
        country=Text(ru="Венгрия", fr="Hongrie", en="Hungary"),
        description=Text(
            ru="Венгерская ассоциация, которая помогает мигрантам и беженцам.",
            fr="Association hongroise qui accompagne les personnes migrantes et réfugiées.",
            en="A Hungarian association supporting migrants and refugees.",
        ),
    ),
    "observatoire": OrganisationRecord(
        name=Text(
            ru="Обсерватория дискриминации и равенства",
            fr="Observatoire des discriminations et de l'égalité",
            en="Observatory for Discrimination and Equality",
        ),
        kind="other",
        language="fr",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Две главные задачи: собирать данные и знания о дискриминации и проводить "
                "информационные кампании для жителей."
            ),
            fr=(
                "Deux missions : produire des connaissances et collecter des données sur les "
                "discriminations, et mener des campagnes de sensibilisation auprès des "
                "habitants."
            ),
            en=(
                "Two main tasks: producing knowledge and collecting data on discrimination, "
                "and running awareness campaigns for local residents."
            ),
        ),
    ),
    "sos-racisme": OrganisationRecord(
        name=same("SOS Racisme"),
        kind="association",
        language="fr",
        website="https://sos-racisme.org",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Французская антирасистская ассоциация: кампании, местные акции, обучение и "
                "просвещение."
            ),
            fr=("Association antiraciste : campagnes, actions locales, formations et éducation."),
            en="An anti-racist association: campaigns, local action, training and education.",
        ),
    ),
    "maison-des-potes": OrganisationRecord(
        name=Text(
            ru="Maison des Potes — Дом равенства",
            fr="Maison des Potes – Maison pour l'Égalité",
            en="Maison des Potes – House for Equality",
        ),
        kind="association",
        language="fr",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Борется с дискриминацией, особенно на работе, и поддерживает культурные и "
                "гражданские инициативы."
            ),
            fr=(
                "Lutte contre les discriminations, notamment au travail, et soutient des "
                "initiatives culturelles et citoyennes."
            ),
            en=(
                "Fights discrimination, especially at work, and promotes cultural and civic "
                "initiatives."
            ),
        ),
    ),
    "samusocial": OrganisationRecord(
        name=same("Samusocial de Paris"),
        kind="other",
        language="fr",
        website="https://www.samusocial.paris",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Борется с бедностью, работает напрямую с бездомными в Париже и управляет "
                "собственными центрами размещения."
            ),
            fr=(
                "Lutte contre la grande exclusion, va directement à la rencontre des "
                "personnes sans abri à Paris et gère ses propres centres d'hébergement."
            ),
            en=(
                "Fights poverty, works directly with homeless people in Paris and runs its "
                "own accommodation centres."
            ),
        ),
    ),
    "defenseur-droits": OrganisationRecord(
        name=Text(
            ru="Защитник прав (Défenseur des droits)",
            fr="Défenseur des droits",
            en="Defender of Rights (Human Rights Ombudsman)",
        ),
        kind="state_body",
        language="fr",
        website="https://www.defenseurdesdroits.fr",
        city=PARIS,
        country=FRANCE,
        description=Text(
            ru=(
                "Государственный, но независимый орган, который следит за соблюдением прав и "
                "свобод человека."
            ),
            fr=(
                "Autorité administrative indépendante chargée de veiller au respect des "
                "droits et des libertés."
            ),
            en=(
                "A state but independent body responsible for ensuring respect for human "
                "rights and freedoms."
            ),
        ),
    ),
}
