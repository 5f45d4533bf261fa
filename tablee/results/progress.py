"""How far an indicator went from its baseline toward its target."""

from decimal import Decimal

from django.utils.translation import gettext as _


def progress_toward_target(
    *, baseline: Decimal | None, target: Decimal | None, latest: Decimal | None
) -> int | None:
    """Return the share of the way from baseline to target, in percent, or None.

    Works for targets below the baseline too (fewer people on a waiting
    list): going down toward such a target counts as progress.
    """
    if baseline is None or target is None or latest is None or target == baseline:
        return None
    return round((latest - baseline) / (target - baseline) * 100)


def progress_text(*, baseline, target, latest) -> str:
    share = progress_toward_target(baseline=baseline, target=target, latest=latest)
    if share is None:
        return ""
    if share >= 100:
        return _("target reached")
    if share < 0:
        return _("moving away from the target")
    return _("%(share)s%% of the way from baseline to target") % {"share": share}
