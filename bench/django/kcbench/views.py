"""The project list (a page of 50 with the total) and a project's detail, in the shape of
khuyencong's answers, with ModelSerializers and prefetched child rows."""
from rest_framework import generics, serializers

from .models import Project, ProjectBeneficiary, ProjectOutput, ProjectProvince


class ProvinceSerializer(serializers.ModelSerializer):
    set = serializers.CharField(source='province_set')
    code = serializers.CharField(source='province_code')

    class Meta:
        model = ProjectProvince
        fields = ['set', 'code']


class OutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectOutput
        fields = ['indicator_code', 'quantity']


class BeneficiarySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectBeneficiary
        fields = ['facility_id']


FIELDS = ['id', 'code', 'title', 'year', 'program_id', 'content_code', 'kind',
          'implementing_org_id', 'requested_vnd', 'counterpart_vnd', 'total_vnd', 'start',
          'end', 'status', 'bundle', 'score_centi', 'version', 'created_at', 'updated_at',
          'provinces']


class ProjectSerializer(serializers.ModelSerializer):
    start = serializers.CharField(source='start_date')
    end = serializers.CharField(source='end_date')
    provinces = ProvinceSerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = FIELDS


class ProjectDetailSerializer(ProjectSerializer):
    outputs = OutputSerializer(many=True, read_only=True)
    beneficiaries = BeneficiarySerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = FIELDS + ['outputs', 'beneficiaries']


class ProjectList(generics.ListAPIView):
    queryset = Project.objects.order_by('id').prefetch_related('provinces')
    serializer_class = ProjectSerializer


class ProjectDetail(generics.RetrieveAPIView):
    queryset = Project.objects.prefetch_related('provinces', 'outputs', 'beneficiaries')
    serializer_class = ProjectDetailSerializer
