"""The CIFER visit's days and meetings, one session per meeting of the Ljubljana report.

The report gives no dates or times; these are illustrative.
"""

import datetime as dt

from visits.demo.organisations import PARIS
from visits.demo.records import DayRecord, SessionRecord, Text

MON, TUE, WED = (dt.date(2022, 10, day) for day in (17, 18, 19))

CONSECUTIVE = "consecutive"
FR_EN = Text(
    ru="французский — английский",
    fr="français–anglais",
    en="French–English",
)
LUNCH = Text(ru="Обед", fr="Déjeuner", en="Lunch")

DAYS = (
    DayRecord(
        MON,
        Text(
            fr="La Ville de Paris et ses partenaires",
            en="The City of Paris and its partners",
            ru="Мэрия Парижа и её партнёры",
        ),
        PARIS,
    ),
    DayRecord(
        TUE,
        Text(
            fr="Associations : racisme, égalité, exclusion",
            en="NGOs: racism, equality, exclusion",
            ru="Ассоциации: расизм, равенство, исключённость",
        ),
        PARIS,
    ),
    DayRecord(
        WED,
        Text(
            fr="Droits des étrangers et intégration des réfugiés",
            en="Foreigners' rights and refugee integration",
            ru="Права иностранцев и интеграция беженцев",
        ),
        PARIS,
    ),
)

SESSIONS = (
    SessionRecord(
        MON,
        "09:30",
        "10:00",
        "meeting",
        Text(
            fr="Accueil par France terre d'asile",
            en="Welcome by France terre d'asile",
            ru="Встреча с France terre d'asile",
        ),
        Text(
            fr="Présentation du programme et de France terre d'asile.",
            en="The programme and France terre d'asile in a nutshell.",
            ru="Знакомство с программой и с France terre d'asile.",
        ),
        venue="france-terre-asile",
        hosts=("france-terre-asile",),
        speakers=("reig-amette",),
    ),
    SessionRecord(
        MON,
        "10:30",
        "12:30",
        "meeting",
        Text(
            fr="Ville de Paris : le plan d'action contre le racisme et les discriminations",
            en="City of Paris: the action plan against racism and discrimination",
            ru="Мэрия Парижа: план действий против расизма и дискриминации",
        ),
        Text(
            fr=(
                "Jean-Luc Romero-Michel, adjoint à la Maire de Paris chargé des droits "
                "humains, de l'intégration et de la lutte contre les discriminations, et des "
                "agents de la Ville présentent le plan d'action antiraciste et "
                "anti-discriminations de Paris et ses activités."
            ),
            en=(
                "Jean-Luc Romero-Michel, deputy mayor of Paris in charge of human rights, "
                "integration and anti-discrimination, and City staff present the city's "
                "anti-racist and anti-discrimination action plan and activities."
            ),
            ru=(
                "Жан-Люк Ромеро-Мишель, заместитель мэра Парижа по правам человека, "
                "интеграции и борьбе с дискриминацией, и сотрудники мэрии представляют "
                "городской план действий против расизма и дискриминации."
            ),
        ),
        venue="hotel-de-ville",
        hosts=("mairie-paris",),
        speakers=("romero-michel",),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
        key="mairie-paris",
    ),
    SessionRecord(MON, "12:30", "14:00", "meal", LUNCH),
    SessionRecord(
        MON,
        "14:30",
        "16:00",
        "meeting",
        Text(
            fr="Observatoire des discriminations et de l'égalité",
            en="Observatory for Discrimination and Equality",
            ru="Обсерватория дискриминации и равенства",
        ),
        Text(
            fr=(
                "Ses représentants présentent ses deux missions : produire des connaissances "
                "et collecter des données sur les discriminations, et mener des campagnes de "
                "sensibilisation auprès des habitants."
            ),
            en=(
                "Its representatives present its two main tasks: producing knowledge and "
                "collecting data on discrimination, and running awareness campaigns for "
                "local residents."
            ),
            ru=(
                "Представители обсерватории рассказывают о двух её задачах: сбор данных и "
                "знаний о дискриминации и информационные кампании для жителей."
            ),
        ),
        hosts=("observatoire",),
        meeting_point=Text(
            fr="France terre d'asile communique l'adresse",
            en="France terre d'asile sends the address",
            ru="Адрес сообщит France terre d'asile",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
        private_notes="The report names no speaker for the Observatory: 'representatives'.",
    ),
    SessionRecord(
        MON,
        "16:30",
        "17:30",
        "meeting",
        Text(
            fr=(
                "Un point d'information pour les personnes LGBTQIA+ demandeuses d'asile "
                "et réfugiées"
            ),
            en="An info point for LGBTQIA+ asylum seekers and refugees",
            ru="Информационный пункт для ЛГБТКИА+ просителей убежища и беженцев",
        ),
        Text(
            fr="Laura Sage présente le fonctionnement du point d'information.",
            en="Laura Sage presents how the info point works.",
            ru="Лора Саж рассказывает о работе информационного пункта.",
        ),
        venue="france-terre-asile",
        speakers=("sage",),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
        private_notes=(
            "The report names no organisation for the info point; the meeting place is "
            "illustrative."
        ),
    ),
    SessionRecord(
        TUE,
        "10:00",
        "12:00",
        "meeting",
        Text(
            fr="SOS Racisme : campagnes, actions locales et formations",
            en="SOS Racisme: campaigns, local action and training",
            ru="SOS Racisme: кампании, местные акции и обучение",
        ),
        Text(
            fr=(
                "Valentin Stel et Julie Mauve présentent les campagnes antiracistes, les "
                "actions locales, les formations et le travail éducatif de SOS Racisme."
            ),
            en=(
                "Valentin Stel and Julie Mauve present SOS Racisme's anti-racist campaigns, "
                "local actions, trainings and education."
            ),
            ru=(
                "Валантен Стель и Жюли Мов рассказывают об антирасистских кампаниях, местных "
                "акциях, обучении и просвещении."
            ),
        ),
        venue="sos-racisme",
        hosts=("sos-racisme",),
        speakers=("stel", "mauve"),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
    ),
    SessionRecord(TUE, "12:00", "13:30", "meal", LUNCH),
    SessionRecord(
        TUE,
        "14:00",
        "15:30",
        "meeting",
        Text(
            fr="Maison des Potes – Maison pour l'Égalité : contre les discriminations au travail",
            en="Maison des Potes – House for Equality: fighting discrimination at work",
            ru="Maison des Potes: борьба с дискриминацией на работе",
        ),
        Text(
            fr=(
                "Samuel Thomas présente l'action de l'association contre les discriminations, "
                "notamment au travail, et son soutien aux initiatives culturelles et "
                "citoyennes."
            ),
            en=(
                "Samuel Thomas presents how the organisation fights discrimination, "
                "especially in the workplace, and promotes cultural and civil initiatives."
            ),
            ru=(
                "Самюэль Тома рассказывает о борьбе с дискриминацией, особенно на работе, и о "
                "поддержке культурных и гражданских инициатив."
            ),
        ),
        hosts=("maison-des-potes",),
        speakers=("thomas",),
        meeting_point=Text(
            fr="France terre d'asile communique l'adresse",
            en="France terre d'asile sends the address",
            ru="Адрес сообщит France terre d'asile",
        ),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
    ),
    SessionRecord(
        TUE,
        "16:00",
        "17:30",
        "meeting",
        Text(
            fr="Samusocial de Paris : aller vers les personnes sans abri",
            en="Samusocial de Paris: reaching homeless people",
            ru="Samusocial de Paris: работа с бездомными",
        ),
        Text(
            fr=(
                "Marie Lazzaroni présente la lutte contre la grande exclusion, le travail "
                "direct avec les personnes sans abri à Paris et les centres d'hébergement "
                "du Samusocial."
            ),
            en=(
                "Marie Lazzaroni presents the fight against poverty, the direct work with "
                "homeless people in Paris and the Samusocial's own accommodation centres."
            ),
            ru=(
                "Мари Лаццарони рассказывает о борьбе с бедностью, о прямой работе с "
                "бездомными в Париже и о собственных центрах размещения."
            ),
        ),
        venue="samusocial",
        hosts=("samusocial",),
        speakers=("lazzaroni",),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
    ),
    SessionRecord(
        WED,
        "10:00",
        "12:00",
        "meeting",
        Text(
            fr="Défenseur des droits : droits et libertés des étrangers",
            en="Defender of Rights: the rights and freedoms of foreigners",
            ru="Защитник прав: права и свободы иностранцев",
        ),
        Text(
            fr=(
                "Nepheli Yatropoulos, chargée de mission affaires européennes et "
                "internationales, et Elsa Alasseur, chargée de mission droits des étrangers, "
                "présentent cette autorité de l'État, indépendante, qui veille au respect des "
                "droits et des libertés."
            ),
            en=(
                "Nepheli Yatropoulos, consultant for European and international affairs, and "
                "Elsa Alasseur, consultant for the rights of foreigners, present this state "
                "but independent body responsible for ensuring respect for human rights and "
                "freedoms."
            ),
            ru=(
                "Нефели Ятропулос (европейские и международные дела) и Эльза Аласёр (права "
                "иностранцев) рассказывают о государственном, но независимом органе, который "
                "следит за соблюдением прав и свобод."
            ),
        ),
        venue="defenseur-droits",
        hosts=("defenseur-droits",),
        speakers=("yatropoulos", "alasseur"),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
    ),
    SessionRecord(WED, "12:00", "13:30", "meal", LUNCH),
    SessionRecord(
        WED,
        "14:00",
        "15:30",
        "meeting",
        Text(
            fr="Le programme AGIR : emploi et logement des réfugiés",
            en="The AGIR programme: employment and housing for refugees",
            ru="Программа AGIR: работа и жильё для беженцев",
        ),
        Text(
            fr=(
                "Orianne Lemare présente AGIR, dispositif national qui aide les réfugiés et "
                "les bénéficiaires de la protection subsidiaire à trouver un emploi et un "
                "logement ; il est mis en œuvre localement par des associations agréées par "
                "l'État."
            ),
            en=(
                "Orianne Lemare presents AGIR, a national scheme helping refugees and "
                "beneficiaries of subsidiary protection to find employment and housing; it is "
                "run locally by associations authorised by the state."
            ),
            ru=(
                "Орианна Лемар представляет AGIR — национальную программу, которая помогает "
                "беженцам и лицам под дополнительной защитой найти работу и жильё; на местах "
                "её реализуют ассоциации, уполномоченные государством."
            ),
        ),
        venue="france-terre-asile",
        speakers=("lemare",),
        interpretation=CONSECUTIVE,
        interpretation_note=FR_EN,
        private_notes=(
            "The report does not say which association runs AGIR here; the meeting place is "
            "illustrative."
        ),
    ),
    SessionRecord(
        WED,
        "16:00",
        "17:00",
        "discussion",
        Text(
            fr="Bilan : quelles suites pour Ljubljana ?",
            en="Review: what next for Ljubljana?",
            ru="Итоги: что дальше для Любляны?",
        ),
        Text(
            fr=(
                "La délégation et France terre d'asile reviennent sur les rencontres et sur "
                "les éléments d'un futur plan de Ljubljana."
            ),
            en=(
                "The delegation and France terre d'asile look back on the meetings and on "
                "the building blocks of a future Ljubljana plan."
            ),
            ru="Делегация и France terre d'asile обсуждают встречи и будущий план Любляны.",
        ),
        venue="france-terre-asile",
        hosts=("france-terre-asile",),
        speakers=("reig-amette",),
    ),
)
