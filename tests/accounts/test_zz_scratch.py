from django.urls import reverse
from tests.conftest import client_for

def test_scratch(organisation, editor, member, outsider, org_admin, moderator):
    for u in (editor, member, outsider, moderator):
        r = client_for(u).get(f"/en/organisations/{organisation.slug}/members/")
        print(u, r.status_code, r.get("Location"))
    print(reverse("mfa_activate_totp"), reverse("account_login"))
    r = client_for(None).get("/en/moderation/")
    print(r.status_code, r["Location"])
    r = client_for(None).get("/xx/organisations/")
    print(r.status_code, r.content[:300])
    r = client_for(None).get("/api/v1/docs/")
    print(r.status_code, r.content.decode())
    r = client_for(None).get("/en/")
    print(dict(r.headers))
