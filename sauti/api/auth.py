"""API tokens: issuing, revoking, and recognising them on a request.

Write endpoints take ``Authorization: Bearer <token>``. The request then acts as
the token's owner, with the owner's permissions, limited to the token's scopes.
No cookie is involved, so no CSRF token is needed (nor accepted as a substitute).
"""

from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from sauti.core.services import log_action

from .models import ApiToken, hash_token

# Recording every use would write to the database on every request; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)
MAX_TOKEN_LENGTH = 200


class TokenRejected(AuthenticationError):
    """401 with a sentence that says what is wrong with the credentials."""


def token_rejected_response(request: HttpRequest, exc: TokenRejected, api: NinjaAPI):
    response: HttpResponse = api.create_response(request, {"detail": exc.message}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="sauti"'
    return response


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer sauti_…`` → the :class:`ApiToken` (``request.auth``)."""

    def __call__(self, request: HttpRequest) -> ApiToken | None:
        value = request.headers.get(self.header, "")
        if not value:
            raise TokenRejected(
                message="Authentication required: send an API token as "
                "'Authorization: Bearer <token>'. Create one under My account → API tokens."
            )
        scheme, _space, token = value.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise TokenRejected(
                message="The Authorization header must read 'Bearer <token>'.",
            )
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        if len(token) > MAX_TOKEN_LENGTH:
            raise TokenRejected(message="Unknown API token.")
        found = ApiToken.objects.select_related("owner").filter(key_hash=hash_token(token)).first()
        if found is None:
            raise TokenRejected(message="Unknown API token.")
        if found.is_revoked:
            raise TokenRejected(message="This API token has been revoked.")
        if not found.owner.is_active:
            raise TokenRejected(message="The account this API token belongs to is not active.")
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
            found.last_used_at = now
        # Django's permission checks (``has_perm``) and the services act as the owner.
        request.user = found.owner
        return found


token_auth = ApiTokenAuth()


class TokenRateThrottle(AuthRateThrottle):
    """Limit each token (not each address) once it is recognised."""

    def get_cache_key(self, request: HttpRequest) -> str:
        token = getattr(request, "auth", None)
        ident = f"token-{token.pk}" if isinstance(token, ApiToken) else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


def require_scope(token: ApiToken, scope: str) -> None:
    """Refuse a token without ``scope``, in the client's language (Accept-Language)."""
    if not token.has_scope(scope):
        raise AuthorizationError(
            message=_("This API token does not have the “%(scope)s” scope.") % {"scope": scope}
        )


# --- Issuing and revoking (the token management pages use these) -----------


@transaction.atomic
def issue_token(*, owner, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    """Create a token for ``owner``; the raw secret is returned once and never stored."""
    token, raw = ApiToken.issue(owner=owner, name=name, scopes=scopes)
    log_action(
        "api_token.create",
        acting_user=owner,
        target=token,
        data={"prefix": token.prefix, "scopes": token.scopes},
    )
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, acting_user) -> ApiToken:
    """Stop a token from working, at once and for good."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(
            "api_token.revoke", acting_user=acting_user, target=token, data={"prefix": token.prefix}
        )
    return token
