"""API tokens: the pages to create and revoke them, and what is (not) stored.

The pages live in ``sauti.api.urls``, under the language prefix.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from django.contrib import admin as django_admin
from django.test import Client
from django.urls import reverse

from sauti.accounts import services as account_services
from sauti.api.admin import ApiTokenAdmin
from sauti.api.auth import issue_token
from sauti.api.models import ApiToken, Scope
from sauti.api.views import MAX_ACTIVE_TOKENS
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..factories import UserFactory

NEW_MECHANISM = {
    "name": "Health Committee",
    "country": "KE",
    "level": "community",
    "kind": "committee",
    "sources": [{"title": "Minutes"}],
}


def list_url():
    return reverse("api_tokens:list")


def revoke_url(token):
    return reverse("api_tokens:revoke", args=[token.pk])


def shown_token(response) -> str:
    match = re.search(r'id="new-token" value="(sauti_[^"]+)"', response.content.decode())
    assert match, "the new token is not on the page"
    return match.group(1)


def api_post(raw, body=NEW_MECHANISM):
    return Client().post(
        "/api/v1/mechanisms/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )


# --- Who may open the pages ----------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(db):
    url = list_url()
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Client().post(url, {"name": "x", "scopes": [Scope.MECHANISMS_WRITE]}).status_code == 302
    assert not ApiToken.objects.exists()


def test_anonymous_revoke_is_sent_to_sign_in(member):
    token, _raw = issue_token(owner=member, name="script", scopes=[Scope.MECHANISMS_WRITE])
    response = Client().post(revoke_url(token))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("role", ["outsider", "member", "moderator"])
def test_every_signed_in_person_has_the_page(request, role):
    response = client_for(request.getfixturevalue(role)).get(list_url())
    assert response.status_code == 200
    assert "API tokens" in response.content.decode()


def test_each_person_sees_only_their_own_tokens(member, outsider):
    issue_token(owner=member, name="Member's importer", scopes=[Scope.MECHANISMS_WRITE])
    issue_token(owner=outsider, name="Outsider's script", scopes=[Scope.MECHANISMS_WRITE])
    page = client_for(member).get(list_url()).content.decode()
    assert "Member&#x27;s importer" in page
    assert "Outsider" not in page


def test_the_list_shows_name_prefix_dates_and_a_revoke_button(member):
    token, raw = issue_token(owner=member, name="Nightly sync", scopes=[Scope.MECHANISMS_WRITE])
    page = client_for(member).get(list_url()).content.decode()
    assert "Nightly sync" in page
    assert f"{token.prefix}…" in page
    assert raw not in page
    assert "Never" in page  # not used yet
    assert revoke_url(token) in page
    api_post(raw)
    page = client_for(member).get(list_url()).content.decode()
    assert "Never" not in page


def test_the_page_is_not_cached(member):
    response = client_for(member).get(list_url())
    assert "no-store" in response["Cache-Control"]


# --- Creating -------------------------------------------------------------------------


def test_creating_shows_the_token_once_and_stores_only_its_hash(member):
    client = client_for(member)
    response = client.post(
        list_url(), {"name": "Kobo importer", "scopes": [Scope.MECHANISMS_WRITE]}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = shown_token(response)
    assert len(raw) > 40
    token = ApiToken.objects.get(owner=member)
    assert token.name == "Kobo importer"
    assert token.scopes == [Scope.MECHANISMS_WRITE]
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:12] and raw.startswith(token.prefix)
    assert raw not in {str(v) for v in ApiToken.objects.values_list(flat=False).get()}
    # Shown once: not on the next visit.
    assert raw not in client.get(list_url()).content.decode()
    # It works at once, as its owner.
    assert api_post(raw).status_code == 201


def test_creation_and_revocation_are_audit_logged_without_the_secret(member):
    client = client_for(member)
    raw = shown_token(
        client.post(list_url(), {"name": "Script", "scopes": [Scope.MECHANISMS_WRITE]})
    )
    token = ApiToken.objects.get()
    client.post(revoke_url(token))
    created = AuditLogEntry.objects.get(action="api_token.create")
    revoked = AuditLogEntry.objects.get(action="api_token.revoke")
    for entry in (created, revoked):
        assert entry.actor == member
        assert entry.target_id == str(token.pk)
        assert raw not in json.dumps(entry.data) + entry.target_repr
    assert created.data["prefix"] == token.prefix


@pytest.mark.parametrize("name", ["", "   ", "<b></b>", "x" * 101])
def test_a_token_needs_a_name(member, name):
    response = client_for(member).post(
        list_url(), {"name": name, "scopes": [Scope.MECHANISMS_WRITE]}
    )
    assert response.status_code == 200
    assert 'id="new-token"' not in response.content.decode()
    assert not ApiToken.objects.exists()


def test_names_are_plain_text(member):
    client_for(member).post(
        list_url(), {"name": "<script>x</script>Sync", "scopes": [Scope.MECHANISMS_WRITE]}
    )
    assert ApiToken.objects.get().name == "Sync"


def test_unknown_scopes_are_refused(member):
    response = client_for(member).post(list_url(), {"name": "x", "scopes": ["admin:everything"]})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_a_token_without_the_write_scope_cannot_write(member):
    client_for(member).post(list_url(), {"name": "x", "scopes": []})
    # The scope is required in the form; a token made without it (e.g. in the shell) cannot write.
    assert not ApiToken.objects.exists()
    _token, raw = issue_token(owner=member, name="read", scopes=[])
    assert api_post(raw).status_code == 403


def test_active_tokens_are_capped(member):
    for n in range(MAX_ACTIVE_TOKENS):
        issue_token(owner=member, name=f"t{n}", scopes=[Scope.MECHANISMS_WRITE])
    response = client_for(member).post(
        list_url(), {"name": "one more", "scopes": [Scope.MECHANISMS_WRITE]}
    )
    assert "Revoke one you no longer use first" in response.content.decode()
    assert ApiToken.objects.count() == MAX_ACTIVE_TOKENS
    ApiToken.objects.filter(name="t0").update(revoked_at="2024-01-01T00:00:00Z")
    response = client_for(member).post(
        list_url(), {"name": "one more", "scopes": [Scope.MECHANISMS_WRITE]}
    )
    assert shown_token(response)


def test_every_token_is_different(member):
    raws = {issue_token(owner=member, name="t", scopes=[])[1] for _ in range(5)}
    assert len(raws) == 5


# --- Revoking ------------------------------------------------------------------------


def test_revoking_stops_the_token_at_once(member):
    token, raw = issue_token(owner=member, name="Script", scopes=[Scope.MECHANISMS_WRITE])
    response = client_for(member).post(revoke_url(token), follow=True)
    assert response.redirect_chain[-1][0] == list_url()
    assert "revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_post(raw).status_code == 401


def test_revoking_someone_elses_token_is_a_404(member, outsider):
    token, raw = issue_token(owner=outsider, name="Theirs", scopes=[Scope.MECHANISMS_WRITE])
    response = client_for(member).post(revoke_url(token))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditLogEntry.objects.filter(action="api_token.revoke").exists()
    assert api_post(raw).status_code != 401  # still recognised (its owner has no organisation)


def test_revoking_an_unknown_token_is_a_404(member):
    assert client_for(member).post(reverse("api_tokens:revoke", args=[424242])).status_code == 404


def test_revoking_twice_is_harmless(member):
    token, _raw = issue_token(owner=member, name="Script", scopes=[Scope.MECHANISMS_WRITE])
    client = client_for(member)
    client.post(revoke_url(token))
    first = ApiToken.objects.get().revoked_at
    assert client.post(revoke_url(token)).status_code == 302
    assert ApiToken.objects.get().revoked_at == first
    assert AuditLogEntry.objects.filter(action="api_token.revoke").count() == 1


def test_revoking_needs_a_post_with_a_csrf_token(member):
    token, _raw = issue_token(owner=member, name="Script", scopes=[Scope.MECHANISMS_WRITE])
    assert client_for(member).get(revoke_url(token)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(revoke_url(token)).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_revoked_token_is_listed_as_revoked(member):
    token, _raw = issue_token(owner=member, name="Old", scopes=[Scope.MECHANISMS_WRITE])
    client = client_for(member)
    client.post(revoke_url(token))
    page = client.get(list_url()).content.decode()
    assert "Revoked on" in page
    assert revoke_url(token) not in page


# --- Around the pages -----------------------------------------------------------------


def test_tokens_go_with_the_account(member):
    issue_token(owner=member, name="Script", scopes=[Scope.MECHANISMS_WRITE])
    account_services.delete_account(member, remove_content=False, acting_user=member)
    assert not ApiToken.objects.exists()


def test_the_admin_can_revoke_but_not_create_tokens(db):
    admin = ApiTokenAdmin(ApiToken, django_admin.site)
    assert admin.has_add_permission(None) is False
    assert "key_hash" not in admin.fields
    assert ApiToken in django_admin.site._registry


def test_the_string_of_a_token_never_holds_the_secret(db):
    token, raw = issue_token(owner=UserFactory(), name="Sync", scopes=[])
    assert str(token) == f"Sync ({token.prefix}…)"
    assert raw not in str(token)
