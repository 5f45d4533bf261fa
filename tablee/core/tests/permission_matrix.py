"""Expected answers of the core URLs for every role."""

from tablee.testing.matrix import Expect, everyone, signed_in

EXPECTATIONS = {
    # Signed-in people are sent on to their tables.
    "home": Expect(signed_in(302, anonymous=200)),
    "healthz": Expect(everyone(200)),
    # Changing language is a POST from the header form; it redirects back.
    "set_language": Expect(
        everyone(302),
        method="POST",
        data=lambda w: {"language": "en", "next": "/"},
        anonymous_redirects_to_login=False,
    ),
}
