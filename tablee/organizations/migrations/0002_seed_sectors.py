from django.db import migrations

# The usual sectors of a Québec concertation table; platform admins can add,
# rename or retire sectors afterwards.
SECTORS = [
    ("sante-services-sociaux", "Santé et services sociaux", "Health and social services"),
    ("education", "Éducation", "Education"),
    ("municipal", "Municipal", "Municipal"),
    ("emploi", "Emploi", "Employment"),
    ("habitation", "Habitation", "Housing"),
    ("transport", "Transport", "Transportation"),
    ("securite-publique", "Sécurité publique", "Public safety"),
    ("communautaire", "Communautaire", "Community"),
    ("economie-entreprises", "Économie et entreprises", "Economy and business"),
    ("recherche", "Recherche", "Research"),
    ("philanthropie", "Philanthropie", "Philanthropy"),
    ("citoyens", "Citoyens", "Citizens"),
]


def seed(apps, schema_editor):
    Sector = apps.get_model("organizations", "Sector")
    for position, (code, name_fr, name_en) in enumerate(SECTORS, start=1):
        Sector.objects.get_or_create(
            code=code, defaults={"name_fr": name_fr, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
