"""The speakers of the CIFER visit as the Ljubljana report names them, with their roles."""

from visits.demo.records import PersonRecord, Text

# No contact details: they are real people and the demo is public.
PEOPLE: dict[str, PersonRecord] = {
    "romero-michel": PersonRecord(
        name="Jean-Luc Romero-Michel",
        organisation="mairie-paris",
        role=Text(
            ru=("Заместитель мэра Парижа по правам человека, интеграции и борьбе с дискриминацией"),
            fr=(
                "Adjoint à la Maire de Paris chargé des droits humains, de l'intégration et de "
                "la lutte contre les discriminations"
            ),
            en=(
                "Deputy Mayor of Paris in charge of human rights, integration and "
                "anti-discrimination"
            ),
        ),
    ),
    "sage": PersonRecord(
        name="Laura Sage",
        role=Text(
            ru="Информационный пункт для ЛГБТКИА+ просителей убежища и беженцев",
            fr="Point d'information pour les personnes LGBTQIA+ demandeuses d'asile et réfugiées",
            en="Information point for LGBTQIA+ asylum seekers and refugees",
        ),
        private_notes="The Ljubljana report names no organisation for the info point.",
    ),
    "stel": PersonRecord(
        name="Valentin Stel",
        organisation="sos-racisme",
        role=Text(
            ru="Представитель SOS Racisme", fr="Représentant de SOS Racisme", en="SOS Racisme"
        ),
    ),
    "mauve": PersonRecord(
        name="Julie Mauve",
        organisation="sos-racisme",
        role=Text(
            ru="Представительница SOS Racisme", fr="Représentante de SOS Racisme", en="SOS Racisme"
        ),
    ),
    "thomas": PersonRecord(
        name="Samuel Thomas",
        organisation="maison-des-potes",
        role=Text(
            ru="Maison des Potes — Дом равенства",
            fr="Maison des Potes – Maison pour l'Égalité",
            en="Maison des Potes – House for Equality",
        ),
    ),
    "lazzaroni": PersonRecord(
        name="Marie Lazzaroni",
        organisation="samusocial",
        role=Text(
            ru="Представительница Samusocial de Paris",
            fr="Représentante du Samusocial de Paris",
            en="Representative of Samusocial de Paris",
        ),
    ),
    "yatropoulos": PersonRecord(
        name="Nepheli Yatropoulos",
        organisation="defenseur-droits",
        role=Text(
            ru="Консультант по европейским и международным делам",
            fr="Chargée de mission affaires européennes et internationales",
            en="Consultant for European and international affairs",
        ),
    ),
    "alasseur": PersonRecord(
        name="Elsa Alasseur",
        organisation="defenseur-droits",
        role=Text(
            ru="Консультант по правам иностранцев",
            fr="Chargée de mission droits des étrangers",
            en="Consultant for the rights of foreigners",
        ),
    ),
    "lemare": PersonRecord(
        name="Orianne Lemare",
        role=Text(
            ru="Программа AGIR: сопровождение беженцев в поиске работы и жилья",
            fr="Programme AGIR : accompagnement des réfugiés vers l'emploi et le logement",
            en="AGIR programme: helping refugees into employment and housing",
        ),
        private_notes=(
            "The Ljubljana report does not say which authorised association she works for."
        ),
    ),
    "reig-amette": PersonRecord(
        name="Milena Reig-Amette",
        organisation="france-terre-asile",
        role=Text(
            ru="Организатор учебного визита, France terre d'asile",
            fr="Organisatrice de la visite d'étude, France terre d'asile",
            en="Organiser of the study visit, France terre d'asile",
        ),
    ),
}
