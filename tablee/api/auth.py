"""Bearer-token authentication for the API: a personal token stands for its person."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from ninja.security import HttpBearer

from tablee.accounts.selectors import user_get_by_api_token
from tablee.accounts.services import api_token_touch


class ApiTokenAuth(HttpBearer):
    """Accept `Authorization: Bearer <token>` for an active token of an active person.

    The token's person becomes `request.user`, so the permission predicates
    used by pages answer the same way for the API.
    """

    def authenticate(self, request: HttpRequest, token: str):
        found = user_get_by_api_token(raw_token=token)
        if found is None:
            return None
        user, api_token = found
        api_token_touch(token=api_token)
        request.user = user
        # API clients rarely send the language cookie: answer in the
        # person's preferred language, as the pages do once signed in.
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(user.language)
            request.LANGUAGE_CODE = translation.get_language()
        return user
