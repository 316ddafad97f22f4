"""Queries compiled to SQL once per process, then run with each request's own values.

On the pages read most (a personal link's participant, a page's programme frame, a
download's revision) building and compiling the ORM query costs more than the database
takes to answer it: a participant with its visit and organiser is more than a hundred
translated columns for the compiler to name, on every request. A ``CompiledQuery`` builds
its queryset once per process and language, with stand-in values no request
carries, keeps the SQL and Django's compiler, and runs the SQL with the real values in
place of the stand-ins. Rows become model instances the way Django's own ``ModelIterable``
makes them (converters, ``select_related`` objects, annotations).

The language is the key because modeltranslation rewrites a translated field
named in a filter or an ordering to the active language's column when the query is built.
It lives in the bottom layer so that every app may use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators
from django.utils import translation


class _Compiled(NamedTuple):
    db: str
    compiler: Any
    sql: str
    params: tuple
    converters: dict
    # Where the model's own columns are in a row, and what fills its related objects.
    start: int
    end: int
    init_list: list[str]
    populators: list


class CompiledQuery:
    """A queryset built by ``build(**stand_ins)``, compiled once, run with other values.

    Each stand-in must be a value no real request passes (a negative id, a slug no visit
    can have) and must reach the SQL as a parameter: compiling checks both.
    """

    def __init__(self, build: Callable[..., QuerySet], **stand_ins: Any):
        self._build = build
        self._stand_ins = stand_ins
        self._names_by_stand_in = {value: name for name, value in stand_ins.items()}
        self._compiled: dict[str | None, _Compiled] = {}

    def _compile(self) -> _Compiled:
        # One database per process (the settings name one); the language is the key.
        key = translation.get_language()
        if key not in self._compiled:
            queryset = self._build(**self._stand_ins)
            db = queryset.db
            compiler = queryset.query.get_compiler(using=db)
            sql, params = compiler.as_sql()
            found = {self._names_by_stand_in.get(param) for param in params if _plain(param)}
            missing = set(self._stand_ins) - found
            if missing:
                raise ValueError(f"Stand-ins not passed as parameters: {sorted(missing)}")
            select, klass_info = compiler.select, compiler.klass_info
            start = end = 0
            init_list, populators = [], []
            if klass_info:  # a query of model instances, not of values()
                start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
                init_list = [column[0].target.attname for column in select[start:end]]
                populators = get_related_populators(klass_info, select, db)
            self._compiled[key] = _Compiled(
                db=db,
                compiler=compiler,
                sql=sql,
                params=tuple(params),
                # The converters (dates on SQLite, JSON, booleans) depend on the columns only.
                converters=compiler.get_converters([c[0] for c in select[: compiler.col_count]]),
                start=start,
                end=end,
                init_list=init_list,
                populators=populators,
            )
        return self._compiled[key]

    def _execute(self, values: dict) -> tuple[_Compiled, list[tuple], list[str]]:
        if set(values) != set(self._stand_ins):
            raise TypeError(f"Expected values for {sorted(self._stand_ins)}, got {sorted(values)}")
        compiled = self._compile()
        real = [
            values[self._names_by_stand_in[param]]
            if _plain(param) and param in self._names_by_stand_in
            else param
            for param in compiled.params
        ]
        with connections[compiled.db].cursor() as cursor:
            cursor.execute(compiled.sql, real)
            rows = cursor.fetchall()
            names = [column[0] for column in cursor.description]
        return compiled, rows, names

    def tuples(self, **values: Any) -> list[tuple]:
        """The rows as the database returns them (unconverted), in the SQL's column order."""
        return self._execute(values)[1]

    def dicts(self, **values: Any) -> list[dict]:
        """The rows as the database returns them, by column name (modeltranslation orders a
        ``values()`` query's columns its own way)."""
        _compiled, rows, names = self._execute(values)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def instances(self, **values: Any) -> list[Model]:
        """Model instances, with their ``select_related`` objects and annotations."""
        compiled, rows, _names = self._execute(values)
        compiler, start, end = compiled.compiler, compiled.start, compiled.end
        model = compiler.klass_info["model"]
        if compiled.converters:
            rows = compiler.apply_converters(rows, compiled.converters)
        instances = []
        for row in rows:
            instance = model.from_db(compiled.db, compiled.init_list, row[start:end])
            for populator in compiled.populators:
                populator.populate(row, instance)
            for name, position in compiler.annotation_col_map.items():
                setattr(instance, name, row[position])
            instances.append(instance)
        return instances

    def first(self, **values: Any) -> Model | None:
        found = self.instances(**values)
        return found[0] if found else None


def _plain(value: Any) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)
