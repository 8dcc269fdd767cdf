"""The register's tables as Django models (unmanaged: the schema is khuyencong's). A child
table's key is (project, position) or (project, code); Django wants one column, so the
project is declared as the key and the rows are only ever read through their project."""
from django.db import models


class Project(models.Model):
    code = models.TextField(unique=True)
    title = models.TextField()
    year = models.BigIntegerField()
    program_id = models.BigIntegerField()
    content_code = models.TextField()
    kind = models.TextField()
    implementing_org_id = models.BigIntegerField()
    requested_vnd = models.BigIntegerField()
    counterpart_vnd = models.BigIntegerField()
    total_vnd = models.BigIntegerField()
    start_date = models.TextField()
    end_date = models.TextField()
    status = models.TextField()
    bundle = models.TextField()
    score_centi = models.BigIntegerField(null=True)
    version = models.BigIntegerField()
    created_at = models.TextField()
    updated_at = models.TextField()

    class Meta:
        managed = False
        db_table = 'projects'


class ProjectProvince(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, primary_key=True,
                                related_name='provinces')
    position = models.BigIntegerField()
    province_set = models.TextField()
    province_code = models.TextField()

    class Meta:
        managed = False
        db_table = 'project_provinces'
        ordering = ['position']


class ProjectOutput(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, primary_key=True, related_name='outputs')
    indicator_code = models.TextField()
    quantity = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = 'project_outputs'


class ProjectBeneficiary(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, primary_key=True,
                                related_name='beneficiaries')
    facility_id = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = 'project_beneficiaries'
