"""The words a booklet prints around the organisers' text, in each booklet language.

A booklet is rendered in languages other than the reader's, often several at once, so every
label is looked up for an explicit language. The gettext catalogues in ``locale/`` win when
they translate a label; the table below keeps the booklet right in Russian, French and
English before the catalogues exist. A language added in settings with neither prints the
English words, never an empty gap.
"""

from django.utils import translation
from django.utils.translation import gettext_noop

LABELS: dict[str, dict[str, str]] = {
    gettext_noop("Contents"): {"ru": "Оглавление", "fr": "Sommaire"},
    gettext_noop("About the visit"): {"ru": "О визите", "fr": "La visite"},
    gettext_noop("Goals"): {"ru": "Цели", "fr": "Objectifs"},
    gettext_noop("Content"): {"ru": "Содержание", "fr": "Contenu"},
    gettext_noop("Themes"): {"ru": "Темы", "fr": "Thèmes"},
    gettext_noop("Practical information"): {
        "ru": "Практическая информация",
        "fr": "Informations pratiques",
    },
    gettext_noop("Programme"): {"ru": "Программа", "fr": "Programme"},
    gettext_noop("Host organisations"): {
        "ru": "Принимающие организации",
        "fr": "Organisations d’accueil",
    },
    gettext_noop("Venues"): {"ru": "Места встреч", "fr": "Lieux"},
    gettext_noop("Resources"): {"ru": "Материалы", "fr": "Documentation"},
    gettext_noop("Contacts"): {"ru": "Контакты", "fr": "Contacts"},
    gettext_noop("In an emergency"): {"ru": "Экстренная связь", "fr": "En cas d’urgence"},
    gettext_noop("Organiser"): {"ru": "Организатор", "fr": "Organisateur"},
    gettext_noop("With the support of"): {"ru": "При поддержке", "fr": "Avec le soutien de"},
    gettext_noop("Partners"): {"ru": "Партнёры", "fr": "Partenaires"},
    gettext_noop("Sending organisation"): {
        "ru": "Направляющая организация",
        "fr": "Organisation d’envoi",
    },
    gettext_noop("Venue"): {"ru": "Место", "fr": "Lieu"},
    gettext_noop("Meeting point"): {"ru": "Место сбора", "fr": "Rendez-vous"},
    gettext_noop("Hosts"): {"ru": "Принимают", "fr": "Accueil"},
    gettext_noop("Speakers"): {"ru": "Выступают", "fr": "Intervenants"},
    gettext_noop("Reading"): {"ru": "Материалы", "fr": "À lire"},
    gettext_noop("Web site"): {"ru": "Сайт", "fr": "Site"},
    gettext_noop("Getting there"): {"ru": "Как добраться", "fr": "Accès"},
    gettext_noop("Programme online"): {"ru": "Программа онлайн", "fr": "Programme en ligne"},
    gettext_noop("Your own programme online"): {
        "ru": "Ваша личная программа онлайн",
        "fr": "Votre programme personnel en ligne",
    },
    gettext_noop("Personal programme"): {"ru": "Личная программа", "fr": "Programme personnel"},
    gettext_noop("Phone"): {"ru": "Тел.", "fr": "Tél."},
    gettext_noop("E-mail"): {"ru": "Эл. почта", "fr": "Courriel"},
    gettext_noop("No session on this day."): {
        "ru": "В этот день встреч нет.",
        "fr": "Pas de rendez-vous ce jour-là.",
    },
    # The download pages.
    gettext_noop("Your booklet is being made"): {
        "ru": "Буклет готовится",
        "fr": "Votre livret est en préparation",
    },
    gettext_noop("It takes a few seconds. This page hands it over as soon as it is ready."): {
        "ru": "Это займёт несколько секунд. Страница сама откроет буклет, когда он будет готов.",
        "fr": "Cela prend quelques secondes. Cette page vous le remettra dès qu’il sera prêt.",
    },
    gettext_noop("The booklet could not be made just now"): {
        "ru": "Сейчас не удалось подготовить буклет",
        "fr": "Le livret n’a pas pu être préparé pour l’instant",
    },
    gettext_noop(
        "The organisers have been told. The programme online is always up to date; "
        "please try the booklet again later."
    ): {
        "ru": "Организаторы уже знают об этом. Программа онлайн всегда актуальна; "
        "попробуйте скачать буклет позже.",
        "fr": "Les organisateurs sont prévenus. Le programme en ligne est toujours à jour ; "
        "réessayez le livret plus tard.",
    },
    gettext_noop("Open the programme online"): {
        "ru": "Открыть программу онлайн",
        "fr": "Ouvrir le programme en ligne",
    },
    gettext_noop("Try again"): {"ru": "Попробовать снова", "fr": "Réessayer"},
    # Footer pieces: "Page 3 of 12", "Version 1a2b3c4d of 12 May 2025".
    gettext_noop("Page"): {"ru": "Стр.", "fr": "Page"},
    gettext_noop("of"): {"ru": "из", "fr": "sur"},
    gettext_noop("Version"): {"ru": "Версия", "fr": "Version"},
    gettext_noop("issued"): {"ru": "от", "fr": "du"},
    # Choices of the models, printed next to sessions and organisations.
    "Meeting": {"ru": "Встреча", "fr": "Rencontre"},
    "Workshop or master class": {"ru": "Мастер-класс", "fr": "Atelier"},
    "Seminar": {"ru": "Семинар", "fr": "Séminaire"},
    "Site visit": {"ru": "Посещение", "fr": "Visite de terrain"},
    "Lecture": {"ru": "Лекция", "fr": "Conférence"},
    "Conference": {"ru": "Конференция", "fr": "Colloque"},
    "Discussion": {"ru": "Дискуссия", "fr": "Débat"},
    "Excursion": {"ru": "Экскурсия", "fr": "Excursion"},
    "Meal": {"ru": "Обед", "fr": "Repas"},
    "Transfer": {"ru": "Переезд", "fr": "Transfert"},
    "Free time": {"ru": "Свободное время", "fr": "Temps libre"},
    "Consecutive interpretation": {
        "ru": "Последовательный перевод",
        "fr": "Interprétation consécutive",
    },
    "Simultaneous interpretation": {
        "ru": "Синхронный перевод",
        "fr": "Interprétation simultanée",
    },
    "Whispered interpretation": {"ru": "Перевод шёпотом", "fr": "Chuchotage"},
    "Association": {"ru": "Ассоциация", "fr": "Association"},
    "Municipality": {"ru": "Муниципалитет", "fr": "Municipalité"},
    "Museum": {"ru": "Музей", "fr": "Musée"},
    "Library": {"ru": "Библиотека", "fr": "Bibliothèque"},
    "State body": {"ru": "Государственное учреждение", "fr": "Organisme public"},
    "Embassy": {"ru": "Посольство", "fr": "Ambassade"},
    "Research institute": {"ru": "Научный институт", "fr": "Institut de recherche"},
    "Cultural centre": {"ru": "Культурный центр", "fr": "Centre culturel"},
    "Foundation": {"ru": "Фонд", "fr": "Fondation"},
    "Company": {"ru": "Компания", "fr": "Entreprise"},
    "Other": {"ru": "Другое", "fr": "Autre"},
}


def label(english: str, language: str) -> str:
    """``english`` in ``language``: the gettext catalogue first, then the table above."""
    with translation.override(language):
        translated = translation.gettext(english)
    if translated != english:
        return translated
    return LABELS.get(english, {}).get(language, english)


def choice_label(choice, language: str) -> str:
    """The label of a model choice (a lazy translation) in ``language``."""
    with translation.override("en"):
        english = str(choice.label)
    return label(english, language)


class Labels(dict):
    """Every label in one language, for templates: ``{{ col.l.Programme }}`` would not do
    with spaces, so templates use the short keys below."""

    KEYS = {
        "contents": "Contents",
        "about": "About the visit",
        "goals": "Goals",
        "content": "Content",
        "themes": "Themes",
        "practical": "Practical information",
        "programme": "Programme",
        "hosts": "Host organisations",
        "venues": "Venues",
        "resources": "Resources",
        "contacts": "Contacts",
        "emergency": "In an emergency",
        "organiser": "Organiser",
        "supporters": "With the support of",
        "partners": "Partners",
        "sending": "Sending organisation",
        "venue": "Venue",
        "meeting_point": "Meeting point",
        "session_hosts": "Hosts",
        "speakers": "Speakers",
        "reading": "Reading",
        "website": "Web site",
        "directions": "Getting there",
        "online": "Programme online",
        "online_personal": "Your own programme online",
        "personal": "Personal programme",
        "phone": "Phone",
        "email": "E-mail",
        "no_sessions": "No session on this day.",
        "page": "Page",
        "of": "of",
        "version": "Version",
        "issued": "issued",
    }

    @classmethod
    def for_language(cls, language: str) -> "Labels":
        return cls({key: label(english, language) for key, english in cls.KEYS.items()})
