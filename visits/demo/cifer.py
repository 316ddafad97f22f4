"""The second demo: the Ljubljana CIFER delegation's study visit to Paris (seed 003).

The report names the delegation, the organiser and every person and organisation met,
but no dates or times: the days below are illustrative and ``schedule_note`` says so.
The programme runs in French and English.
"""

from visits.demo.cifer_schedule import DAYS, MON, SESSIONS, WED
from visits.demo.organisations import PARIS
from visits.demo.paris_rouen import CITY_OF_PARIS_PLAN
from visits.demo.records import EmergencyContactRecord, ParticipantRecord, Text, VisitRecord

GOALS = Text(
    fr=(
        "Découvrir les bonnes pratiques d'intégration et d'inclusion à l'échelle locale dans "
        "une ville qui s'est dotée d'un plan d'action contre le racisme et qui est membre de "
        "la Coalition européenne des villes contre le racisme (ECCAR).\n"
        "Aider la Ville de Ljubljana à adopter à l'avenir un plan plus systématique dans ce "
        "domaine."
    ),
    en=(
        "To learn about good practices of integration and inclusion at the local level in a "
        "city that has adopted an action plan against racism and is a member of the European "
        "Coalition of Cities Against Racism (ECCAR).\n"
        "To help the City of Ljubljana adopt a more systematic plan in this area in the "
        "future."
    ),
    ru=(
        "Познакомиться с лучшими практиками интеграции и инклюзии на местном уровне в городе, "
        "который принял план действий против расизма и входит в Европейскую коалицию городов "
        "против расизма (ECCAR).\n"
        "Помочь Любляне в будущем принять более системный план в этой области."
    ),
)

CONTENT = Text(
    fr=(
        "Dans le cadre du projet « City for Everybody – Responsible Action for Inclusive Local "
        "Communities » (CIFER), des chercheuses, deux représentantes de la Ville de Ljubljana "
        "et le directeur de l'Institut pour le dialogue interculturel, avec des collègues des "
        "organisations partenaires de Zagreb et de Budapest, rencontrent à Paris la Ville, "
        "des associations antiracistes et de lutte contre l'exclusion, le Défenseur des "
        "droits et les acteurs du programme AGIR.\n\n"
        "Le programme est organisé par France terre d'asile, association partenaire qui "
        "accueille et accompagne les demandeurs d'asile et les réfugiés en France."
    ),
    en=(
        "Within the project “City for Everybody – Responsible Action for Inclusive Local "
        "Communities” (CIFER), researchers, two representatives of the Municipality of "
        "Ljubljana and the director of the Intercultural Dialogue Institute, with colleagues "
        "from the partner organisations in Zagreb and Budapest, meet the City of Paris, "
        "anti-racist and anti-poverty organisations, the Defender of Rights and the people "
        "behind the AGIR programme.\n\n"
        "The programme is organised by France terre d'asile, the partner NGO and research "
        "organisation that receives and assists asylum seekers and refugees in France."
    ),
    ru=(
        "В рамках проекта «Город для всех — ответственные действия для инклюзивных местных "
        "сообществ» (CIFER) исследователи, представители мэрии Любляны и директор Института "
        "межкультурного диалога вместе с коллегами из Загреба и Будапешта встречаются в "
        "Париже с мэрией, антирасистскими ассоциациями, организациями помощи бездомным, "
        "Защитником прав и участниками программы AGIR. Программу организует France terre "
        "d'asile."
    ),
)

THEMES = Text(
    fr=(
        "Plans municipaux contre le racisme et les discriminations\n"
        "Accueil des demandeurs d'asile et des réfugiés LGBTQIA+\n"
        "Connaissances et données sur les discriminations\n"
        "Campagnes, actions locales et éducation antiracistes\n"
        "Discriminations au travail\n"
        "Lutte contre la grande exclusion et hébergement\n"
        "Défense des droits des étrangers\n"
        "Accès des réfugiés à l'emploi et au logement"
    ),
    en=(
        "Municipal plans against racism and discrimination\n"
        "Support for LGBTQIA+ asylum seekers and refugees\n"
        "Knowledge and data on discrimination\n"
        "Anti-racist campaigns, local action and education\n"
        "Discrimination at work\n"
        "Fighting extreme poverty; accommodation\n"
        "Defending the rights of foreigners\n"
        "Refugees' access to employment and housing"
    ),
)

PRACTICAL_INFORMATION = Text(
    fr=(
        "Les rencontres ont lieu en français avec interprétation consécutive vers l'anglais.\n"
        "Déplacements en métro ; France terre d'asile remet des tickets à l'arrivée.\n"
        "Gardez une pièce d'identité sur vous : l'Hôtel de Ville et le Défenseur des droits "
        "la demandent à l'entrée.\n"
        "Numéro d'urgence européen : 112."
    ),
    en=(
        "Meetings are held in French with consecutive interpretation into English.\n"
        "We travel by metro; France terre d'asile hands out tickets on arrival.\n"
        "Carry an ID: the Hôtel de Ville and the Defender of Rights check it at the entrance.\n"
        "European emergency number: 112."
    ),
)

SCHEDULE_NOTE = Text(
    fr=(
        "Les dates et les horaires sont indicatifs : le compte rendu de la visite ne les "
        "donne pas. Les rencontres et les intervenants sont ceux qu'il nomme."
    ),
    en=(
        "Dates and times are illustrative: the report of the visit does not give them. The "
        "meetings and speakers are the ones it names."
    ),
    ru=(
        "Даты и время примерные: в отчёте о визите их нет. Встречи и докладчики — те, "
        "которых называет отчёт."
    ),
)

FICTIONAL = "Fictional name and contact: the report does not name the colleagues from {city}."
REAL = "Named in the Ljubljana report; the contact details are fictitious."

DELEGATION = (
    ParticipantRecord(
        name_native="Vlasta Jalušič",
        name_latin="Vlasta Jalušič",
        email="vlasta.jalusic@example.org",
        home_organisation="Peace Institute (Mirovni inštitut)",
        position="Researcher",
        city="Ljubljana",
        preferred_language="en",
        phone="+386 0 000 00 01",
        private_notes=REAL,
    ),
    ParticipantRecord(
        name_native="Lana Zdravković",
        name_latin="Lana Zdravković",
        email="lana.zdravkovic@example.org",
        home_organisation="Peace Institute (Mirovni inštitut)",
        position="Researcher",
        city="Ljubljana",
        preferred_language="en",
        phone="+386 0 000 00 02",
        private_notes=REAL,
    ),
    ParticipantRecord(
        name_native="Vanda Straka Vrhovnik",
        name_latin="Vanda Straka Vrhovnik",
        email="vanda.straka-vrhovnik@example.org",
        home_organisation="Municipality of Ljubljana",
        position="Representative of the Municipality",
        city="Ljubljana",
        preferred_language="en",
        phone="+386 0 000 00 03",
        private_notes=REAL,
    ),
    ParticipantRecord(
        name_native="Darja Božnik",
        name_latin="Darja Božnik",
        email="darja.boznik@example.org",
        home_organisation="Municipality of Ljubljana",
        position="Representative of the Municipality",
        city="Ljubljana",
        preferred_language="en",
        phone="+386 0 000 00 04",
        private_notes=REAL,
    ),
    ParticipantRecord(
        name_native="Furkan Güner",
        name_latin="Furkan Güner",
        email="furkan.guner@example.org",
        home_organisation="Intercultural Dialogue Institute",
        position="Director",
        city="Ljubljana",
        preferred_language="en",
        phone="+386 0 000 00 05",
        private_notes=REAL,
    ),
    ParticipantRecord(
        name_native="Ana Kovač",
        name_latin="Ana Kovač",
        email="ana.kovac@example.org",
        home_organisation="Centre for Peace Studies (Centar za mirovne studije)",
        position="Programme coordinator",
        city="Zagreb",
        preferred_language="en",
        phone="+385 0 000 00 06",
        private_notes=FICTIONAL.format(city="Zagreb"),
    ),
    ParticipantRecord(
        name_native="Eszter Nagy",
        name_latin="Eszter Nagy",
        email="eszter.nagy@example.org",
        home_organisation="Menedék – Hungarian Association for Migrants",
        position="Project manager",
        city="Budapest",
        preferred_language="en",
        phone="+36 0 000 00 07",
        private_notes=FICTIONAL.format(city="Budapest"),
    ),
    ParticipantRecord(
        name_native="Milena Reig-Amette",
        name_latin="Milena Reig-Amette",
        email="milena.reig-amette@example.org",
        home_organisation="France terre d'asile",
        position="Organiser of the programme",
        city="Paris",
        preferred_language="fr",
        role="organiser",
        phone="+33 1 00 00 00 11",
        private_notes=REAL,
    ),
)

EMERGENCY_CONTACTS = (
    EmergencyContactRecord(
        name="Milena Reig-Amette",
        role=Text(
            fr="Organisatrice, France terre d'asile",
            en="Organiser, France terre d'asile",
            ru="Организатор, France terre d'asile",
        ),
        phone="+33 1 00 00 00 11",
        email="milena.reig-amette@example.org",
    ),
    EmergencyContactRecord(
        name="112",
        role=Text(
            fr="Numéro d'urgence européen (police, pompiers, SAMU)",
            en="European emergency number (police, fire brigade, ambulance)",
            ru="Единый европейский номер экстренных служб (полиция, пожарные, скорая помощь)",
        ),
        phone="112",
    ),
)

VISIT = VisitRecord(
    slug="cifer-paris",
    title=Text(
        fr="Visite d'étude CIFER à Paris",
        en="CIFER study visit to Paris",
        ru="Учебный визит CIFER в Париж",
    ),
    subtitle=Text(
        fr="City for Everybody – Responsible Action for Inclusive Local Communities",
        en="City for Everybody – Responsible Action for Inclusive Local Communities",
        ru="Город для всех — ответственные действия для инклюзивных местных сообществ",
    ),
    cities=PARIS,
    start_date=MON,
    end_date=WED,
    organiser="france-terre-asile",
    first_language="fr",
    second_language="en",
    goals=GOALS,
    content=CONTENT,
    themes=THEMES,
    practical_information=PRACTICAL_INFORMATION,
    schedule_note=SCHEDULE_NOTE,
    partners=(
        ("ljubljana", "sending"),
        ("peace-institute", "sending"),
        ("intercultural-dialogue", "sending"),
        ("cms-zagreb", "partner"),
        ("menedek", "partner"),
    ),
    days=DAYS,
    sessions=SESSIONS,
    participants=DELEGATION,
    emergency_contacts=EMERGENCY_CONTACTS,
    # The City of Paris plan is as useful before this meeting as before the 2019 one.
    resources=(CITY_OF_PARIS_PLAN,),
)
