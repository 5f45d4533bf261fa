"""Expected answers of the account pages and allauth's pages for every role.

See tablee/testing/matrix.py. allauth's pages are declared here because they
are how people reach their account.
"""

from tablee.accounts.services import api_token_create
from tablee.accounts.tests.factories import UserFactory
from tablee.testing.matrix import Expect, admin_only, everyone, signed_in

ADMIN_ONLY = admin_only()
# Pages for visitors who are not signed in; signed-in people are sent on.
ENTRANCE = signed_in(302, anonymous=200)


def _own_token(world):
    """Give the caller a token to revoke (anonymous callers never reach the lookup)."""
    owner = world.actor or world.people["member"]
    token, _raw = api_token_create(user=owner, name="Export")
    world.extra["token"] = token


def _person_to_delete(world):
    world.extra["person"] = UserFactory(email="a-supprimer@example.org")


def _deleted_person(world):
    from django.utils import timezone

    world.extra["person"] = UserFactory(
        email="supprime@example.org", is_active=False, deleted_at=timezone.now()
    )


EXPECTATIONS = {
    # Tablée's account pages.
    "accounts:profile": Expect(signed_in(200)),
    "accounts:sign-out-everywhere": Expect(signed_in(200)),
    "accounts:token-list": Expect(signed_in(200)),
    "accounts:token-revoke": Expect(
        signed_in(200), setup=_own_token, kwargs=lambda w: {"token_id": w.extra["token"].pk}
    ),
    "accounts:people-list": Expect(ADMIN_ONLY),
    "accounts:person-delete": Expect(
        ADMIN_ONLY, setup=_person_to_delete, kwargs=lambda w: {"user_id": w.extra["person"].pk}
    ),
    "accounts:person-restore": Expect(
        ADMIN_ONLY, setup=_deleted_person, kwargs=lambda w: {"user_id": w.extra["person"].pk}
    ),
    # allauth: signing in and out.
    "account_login": Expect(ENTRANCE, anonymous_redirects_to_login=False),
    "account_logout": Expect(signed_in(200), anonymous_redirects_to_login=False),
    # Sign-up is closed (AccountAdapter): the page explains that accounts come by invitation.
    "account_signup": Expect(ENTRANCE),
    "account_inactive": Expect(everyone(200)),
    "account_reauthenticate": Expect(signed_in(200)),
    # Sign-in by e-mailed code is off: with no code pending, back to the login page.
    "account_confirm_login_code": Expect(everyone(302)),
    # allauth: passwords.
    "account_change_password": Expect(signed_in(200)),
    "account_set_password": Expect(signed_in(302)),
    "account_reset_password": Expect(everyone(200)),
    "account_reset_password_done": Expect(everyone(200)),
    "account_reset_password_from_key": Expect(
        everyone(200), kwargs=lambda w: {"uidb36": "zz", "key": "not-a-key"}
    ),
    "account_reset_password_from_key_done": Expect(everyone(200)),
    # allauth: e-mail addresses (the account's e-mail is its login).
    "account_email": Expect(signed_in(200)),
    "account_email_verification_sent": Expect(everyone(200)),
    "account_confirm_email": Expect(everyone(200), kwargs=lambda w: {"key": "not-a-key"}),
    # allauth: two-factor authentication. Changes ask for the password again first.
    "mfa_index": Expect(signed_in(200)),
    "mfa_activate_totp": Expect(signed_in(302)),
    # Nobody in the matrix has an authenticator app yet: nothing to deactivate or view.
    "mfa_deactivate_totp": Expect(signed_in(404)),
    "mfa_view_recovery_codes": Expect(signed_in(404)),
    "mfa_generate_recovery_codes": Expect(signed_in(302)),
    "mfa_download_recovery_codes": Expect(signed_in(404)),
    "mfa_authenticate": Expect(everyone(302), anonymous_redirects_to_login=False),
    "mfa_reauthenticate": Expect(signed_in(302)),
    # allauth: sessions.
    "usersessions_list": Expect(signed_in(200)),
}
