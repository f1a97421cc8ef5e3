"""The stricter PostgreSQL set-up the README describes: the database owner opens the
database once; advisers' login users are only given ``support_plan_app``.

Such an adviser saves, reads and labels cases, but cannot change or delete an event, nor
forget a case (told in one line what to ask for); a login given ``support_plan_forget``
too can forget. A login with neither role is refused with the same one line.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from store_helpers import ANSWERS, walk
from support_plan_cli import support_plan

from assistant.flow.bundle import Bundle
from assistant.store import StoreError
from assistant.store.postgres import PostgresStore

NOT_ALLOWED = "is not allowed to do that. Ask the database's administrator"


def as_login(url: str, user: str) -> str:
    """``url`` with another database user."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{user}@{parts.netloc.split('@', 1)[1]}"))


@pytest.fixture
def logins(pg_url: str, pg_cluster: Any) -> dict[str, str]:
    """The owner's set-up done once, then three logins: one given only the application
    role, one given both roles, one given neither (role names are per cluster, so each
    test's are its own)."""
    PostgresStore(pg_url, organisation="north", adviser="owner").close()  # tables and roles
    database = urlsplit(pg_url).path.lstrip("/")
    made = {}
    for kind, roles in (
        ("app", ["support_plan_app"]),
        ("both", ["support_plan_app", "support_plan_forget"]),
        ("none", []),
    ):
        name = f"{database}_{kind}"
        pg_cluster.psql("postgres", f'CREATE ROLE "{name}" LOGIN')
        for role in roles:
            pg_cluster.psql("postgres", f'GRANT {role} TO "{name}"')
        made[kind] = as_login(pg_url, name)
    return made


def test_an_adviser_with_only_the_application_role_saves_but_cannot_forget(
    pg_url: str, logins: dict[str, str], example: Bundle
) -> None:
    with PostgresStore(logins["app"], organisation="north", adviser="asha") as store:
        reference = walk(store, example, ANSWERS[:3])
        store.set_label(reference, "HL-1")
        assert [c.reference for c in store.conversations()] == [reference]
        with pytest.raises(StoreError) as refused:
            store.forget(reference)
        assert NOT_ALLOWED in refused.value.message
        assert "support_plan_forget" in refused.value.message
    with PostgresStore(pg_url, organisation="north") as owner:  # nothing was deleted
        assert owner.summary(reference) is not None and len(owner.events(reference)) > 3
    with psycopg.connect(logins["app"]) as conn:  # not even with raw SQL
        for sql in ("DELETE FROM events", "SET ROLE support_plan_forget"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute(sql)  # type: ignore[arg-type]


def test_the_forget_command_as_that_adviser_is_told_what_to_ask_for(
    logins: dict[str, str], example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresStore(logins["app"], organisation="north", adviser="asha") as store:
        reference = walk(store, example, ANSWERS[:2])
    monkeypatch.setenv("SUPPORT_PLAN_ORGANISATION", "north")
    done = support_plan("forget", reference, "--yes", "--store", logins["app"])
    assert done.returncode == 1
    assert NOT_ALLOWED in done.stderr and "Traceback" not in done.stderr
    assert reference in support_plan("sessions", "--store", logins["app"]).stdout


def test_a_login_given_the_forgetting_role_too_can_forget(
    logins: dict[str, str], example: Bundle
) -> None:
    with PostgresStore(logins["both"], organisation="north", adviser="lead") as store:
        reference = walk(store, example, ANSWERS[:2])
        assert store.forget(reference) is True
        assert store.conversations() == []


def test_a_login_with_neither_role_is_told_in_one_line(logins: dict[str, str]) -> None:
    with pytest.raises(StoreError) as refused:
        PostgresStore(logins["none"], organisation="north", adviser="stranger")
    assert NOT_ALLOWED in refused.value.message and "support_plan_app" in refused.value.message
