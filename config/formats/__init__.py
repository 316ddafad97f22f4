"""Our corrections to Django's locale formats (FORMAT_MODULE_PATH); one package a language."""
