from django.urls import path

from tablee.charters import views

app_name = "charters"

urlpatterns = [
    path("charter/", views.charter_home, name="charter-home"),
    path("charter/compare/", views.charter_compare, name="charter-compare"),
    path("charter/draft/start/", views.draft_start, name="draft-start"),
    path("charter/draft/choices/", views.draft_choices, name="draft-choices"),
    path("charter/draft/review/", views.draft_review, name="draft-review"),
    path("charter/draft/adopt/", views.draft_adopt, name="draft-adopt"),
    path(
        "charter/draft/answers/<slug:question_key>/propose/",
        views.answer_propose,
        name="answer-propose",
    ),
    path(
        "charter/draft/answers/<slug:question_key>/comments/",
        views.comment_add,
        name="comment-add",
    ),
    path("charter/draft/<slug:step>/", views.draft_step, name="draft-step"),
    path("charter/v/<int:number>/", views.version_detail, name="version-detail"),
    path("charter/v/<int:number>/export.pdf", views.version_export_pdf, name="export-pdf"),
    path("charter/v/<int:number>/export.docx", views.version_export_docx, name="export-docx"),
]
