from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    """Choose the interface language: explicit choice, then profile, then French.

    The browser's Accept-Language is deliberately ignored: many people here
    run an English browser but work in French, and French (Québec) is the
    product's default. A person changes language with the switcher (a cookie)
    or in their profile.
    """

    def process_request(self, request):
        supported = {code for code, _name in settings.LANGUAGES}
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in supported:
            user = getattr(request, "user", None)
            profile_language = (
                getattr(user, "language", None) if user and user.is_authenticated else None
            )
            language = (
                profile_language if profile_language in supported else settings.LANGUAGE_CODE
            )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
