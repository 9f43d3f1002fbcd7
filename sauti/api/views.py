"""A signed-in person's API tokens: list, create (the secret is shown once), revoke."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sauti.core.text import clean_plain_text

from .auth import issue_token, revoke_token
from .models import ApiToken, Scope

# Enough for every script a person runs; a cap keeps a leaked session from minting thousands.
MAX_ACTIVE_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. the script or system that uses it."),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("What the token may do"),
        choices=Scope.choices,
        initial=[Scope.MECHANISMS_WRITE],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        name = clean_plain_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Give the token a name."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if ApiToken.objects.active().filter(owner=self.user).count() >= MAX_ACTIVE_TOKENS:
            raise forms.ValidationError(
                ngettext(
                    "You have %(count)s active token, the most allowed. "
                    "Revoke one you no longer use first.",
                    "You have %(count)s active tokens, the most allowed. "
                    "Revoke one you no longer use first.",
                    MAX_ACTIVE_TOKENS,
                )
                % {"count": MAX_ACTIVE_TOKENS}
            )
        return data


@never_cache
@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """Your tokens, and the form to create one; after creating, the secret, once."""
    form = TokenForm(request.POST or None, user=request.user)
    new_token = raw = None
    if request.method == "POST" and form.is_valid():
        new_token, raw = issue_token(
            owner=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
        )
        # A fresh form: the page shows the secret, not the values just sent.
        form = TokenForm(user=request.user)
    tokens = ApiToken.objects.filter(owner=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token, "raw_token": raw},
    )


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's token is answered like a token that does not exist.
    token = get_object_or_404(ApiToken, pk=pk, owner=request.user)
    if token.is_revoked:
        messages.info(request, _("This token was already revoked."))
    else:
        revoke_token(token, acting_user=request.user)
        messages.success(
            request, _("Token “%(name)s” revoked. It no longer works.") % {"name": token.name}
        )
    return redirect("api_tokens:list")
