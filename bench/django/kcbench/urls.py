from django.urls import path

from .views import ProjectDetail, ProjectList

urlpatterns = [
    path('api/v1/projects', ProjectList.as_view()),
    path('api/v1/projects/<int:pk>', ProjectDetail.as_view()),
]
