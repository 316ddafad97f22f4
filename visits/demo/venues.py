"""Where the demo sessions happen.

A street address, coordinates and metro directions are given only where we are sure of
them; otherwise the venue or the session says that the organiser sends the address.
"""

from visits.demo.organisations import ADDRESS_SENT_LATER, CLICHY, FRANCE, PARIS, ROUEN
from visits.demo.records import Text, VenueRecord, same

VENUES: dict[str, VenueRecord] = {
    "hotel-de-ville": VenueRecord(
        name=Text(ru="Парижская ратуша (Hôtel de Ville)", fr="Hôtel de Ville", en="Hôtel de Ville"),
        organisation="mairie-paris",
        address="Place de l'Hôtel de Ville",
        postal_code="75004",
        city=PARIS,
        country=FRANCE,
        latitude="48.856400",
        longitude="2.352400",
        directions=Text(
            ru="Метро: Hôtel de Ville (линии 1 и 11). Паспорт на входе.",
            fr="Métro : Hôtel de Ville (lignes 1 et 11). Pièce d'identité à l'entrée.",
            en="Metro: Hôtel de Ville (lines 1 and 11). Bring ID for the entrance.",
        ),
    ),
    "palais-porte-doree": VenueRecord(
        name=Text(
            ru="Дворец Порт-Доре — Национальный музей истории иммиграции",
            fr="Palais de la Porte Dorée – Musée national de l'histoire de l'immigration",
            en="Palais de la Porte Dorée – National Museum of the History of Immigration",
        ),
        organisation="musee-immigration",
        address="293 avenue Daumesnil",
        postal_code="75012",
        city=PARIS,
        country=FRANCE,
        latitude="48.835200",
        longitude="2.408700",
        directions=Text(
            ru="Метро: Porte Dorée (линия 8); трамвай T3a, остановка Porte Dorée.",
            fr="Métro : Porte Dorée (ligne 8) ; tramway T3a, arrêt Porte Dorée.",
            en="Metro: Porte Dorée (line 8); tram T3a, Porte Dorée stop.",
        ),
    ),
    "aa-e": VenueRecord(
        name=Text(
            ru="Мастерская художников в изгнании",
            fr="Atelier des artistes en exil",
            en="Atelier des artistes en exil",
        ),
        organisation="aa-e",
        address="6 rue d'Aboukir",
        postal_code="75002",
        city=PARIS,
        country=FRANCE,
        directions=Text(
            ru="Метро: Sentier (линия 3).",
            fr="Métro : Sentier (ligne 3).",
            en="Metro: Sentier (line 3).",
        ),
    ),
    "gare-saint-lazare": VenueRecord(
        name=Text(ru="Вокзал Сен-Лазар", fr="Gare Saint-Lazare", en="Gare Saint-Lazare"),
        address="13 rue d'Amsterdam",
        postal_code="75008",
        city=PARIS,
        country=FRANCE,
        latitude="48.876200",
        longitude="2.325300",
        directions=Text(
            ru=(
                "Метро: Saint-Lazare (линии 3, 12, 13 и 14). Встреча у табло отправления "
                "поездов в главном зале."
            ),
            fr=(
                "Métro : Saint-Lazare (lignes 3, 12, 13 et 14). Rendez-vous sous le tableau "
                "des départs, dans la salle des pas perdus."
            ),
            en=(
                "Metro: Saint-Lazare (lines 3, 12, 13 and 14). Meet under the departures "
                "board in the main hall."
            ),
        ),
    ),
    "gare-rouen": VenueRecord(
        name=Text(
            ru="Вокзал Руан-Рив-Друат",
            fr="Gare de Rouen-Rive-Droite",
            en="Rouen-Rive-Droite station",
        ),
        address="Place Bernard Tissot",
        postal_code="76000",
        city=ROUEN,
        country=FRANCE,
        latitude="49.448900",
        longitude="1.094000",
        directions=Text(
            ru="Главный вокзал Руана, поезда из Парижа (Сен-Лазар).",
            fr="La gare principale de Rouen, trains depuis Paris Saint-Lazare.",
            en="Rouen's main station, trains from Paris Saint-Lazare.",
        ),
    ),
    "echelle-inconnue": VenueRecord(
        name=Text(
            ru="Мастерская Échelle Inconnue",
            fr="Atelier d'Échelle Inconnue",
            en="Échelle Inconnue's studio",
        ),
        organisation="echelle-inconnue",
        city=ROUEN,
        country=FRANCE,
        directions=ADDRESS_SENT_LATER,
    ),
    "clichy-mairie": VenueRecord(
        name=Text(
            ru="Мэрия Клиши-су-Буа",
            fr="Hôtel de ville de Clichy-sous-Bois",
            en="Clichy-sous-Bois town hall",
        ),
        organisation="clichy-sous-bois",
        postal_code="93390",
        city=CLICHY,
        country=FRANCE,
        directions=Text(
            ru="Делегация едет из Парижа на заказном автобусе; дорога занимает около часа.",
            fr="La délégation s'y rend en car depuis Paris ; compter environ une heure.",
            en="The delegation goes by coach from Paris; allow about an hour.",
        ),
    ),
    "france-terre-asile": VenueRecord(
        name=Text(
            ru="France terre d'asile, штаб-квартира",
            fr="France terre d'asile, siège",
            en="France terre d'asile, head office",
        ),
        organisation="france-terre-asile",
        address="24 rue Marc Seguin",
        postal_code="75018",
        city=PARIS,
        country=FRANCE,
        directions=Text(
            ru="Метро: Marx Dormoy (линия 12).",
            fr="Métro : Marx Dormoy (ligne 12).",
            en="Metro: Marx Dormoy (line 12).",
        ),
    ),
    "sos-racisme": VenueRecord(
        name=same("SOS Racisme"),
        organisation="sos-racisme",
        address="51 avenue de Flandre",
        postal_code="75019",
        city=PARIS,
        country=FRANCE,
        directions=Text(
            ru="Метро: Riquet (линия 7) или Stalingrad (линии 2, 5 и 7).",
            fr="Métro : Riquet (ligne 7) ou Stalingrad (lignes 2, 5 et 7).",
            en="Metro: Riquet (line 7) or Stalingrad (lines 2, 5 and 7).",
        ),
    ),
    "samusocial": VenueRecord(
        name=same("Samusocial de Paris"),
        organisation="samusocial",
        address="35 avenue Courteline",
        postal_code="75012",
        city=PARIS,
        country=FRANCE,
        directions=Text(
            ru="Метро: Porte de Vincennes (линия 1).",
            fr="Métro : Porte de Vincennes (ligne 1).",
            en="Metro: Porte de Vincennes (line 1).",
        ),
    ),
    "defenseur-droits": VenueRecord(
        name=same("Défenseur des droits"),
        organisation="defenseur-droits",
        address="3 place de Fontenoy",
        postal_code="75007",
        city=PARIS,
        country=FRANCE,
        directions=Text(
            ru="Метро: Ségur (линия 10) или École Militaire (линия 8). Паспорт на входе.",
            fr=(
                "Métro : Ségur (ligne 10) ou École Militaire (ligne 8). "
                "Pièce d'identité à l'entrée."
            ),
            en="Metro: Ségur (line 10) or École Militaire (line 8). Bring ID for the entrance.",
        ),
    ),
}
