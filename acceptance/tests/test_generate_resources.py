"""scripts/generate-resources' names: Swift-safe, readable and unique."""

from __future__ import annotations

import importlib.machinery
import importlib.util

from conftest import REPO


def load():
    loader = importlib.machinery.SourceFileLoader("generate_resources", str(REPO / "scripts" / "generate-resources"))
    spec = importlib.util.spec_from_loader("generate_resources", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


gen = load()


def test_property_names_are_lower_camel_case():
    assert gen.lower_camel("VpcId") == "vpcId"
    assert gen.lower_camel("VPCId") == "vpcId"
    assert gen.lower_camel("SSEAlgorithm") == "sseAlgorithm"
    assert gen.lower_camel("KMSMasterKeyID") == "kmsMasterKeyID"
    assert gen.lower_camel("deadLetterTargetArn") == "deadLetterTargetArn"


def test_enum_values_become_case_names():
    assert gen.lower_camel("STANDARD_IA") == "standardIa"
    assert gen.lower_camel("python3.13") == "python3_13"
    assert gen.lower_camel("aws:kms") == "awsKms"
    assert gen.lower_camel("Intelligent-Tiering") == "intelligentTiering"
    assert gen.lower_camel("1") == "_1"


def test_reserved_members_are_prefixed_with_their_owner_and_keywords_escaped():
    taken = set()
    assert gen.member_name("Type", taken, gen.RESOURCE_MEMBERS, "Parameter") == "parameterType"
    assert gen.member_name("Condition", taken, gen.RESOURCE_MEMBERS, "Alarm") == "alarmCondition"
    assert gen.member_name("Default", taken) == "default"
    assert gen.escaped("default") == "`default`"
    assert gen.escaped("vpcId") == "vpcId"


def test_collisions_get_a_number():
    taken = set()
    assert gen.member_name("Name", taken) == "name"
    assert gen.member_name("name", taken) == "name2"


def test_nested_types_never_shadow_what_the_generated_code_names():
    assert gen.type_name("Value", set(), "CfnParameter") == "ParameterValue"
    assert gen.type_name("Type", set(), "CfnParameter") == "ParameterType"
    assert gen.type_name("VersioningConfiguration", set(), "CfnBucket") == "VersioningConfiguration"


def test_modules_are_named_after_their_service():
    assert gen.service_module("S3") == "AWSS3"
    assert gen.service_module("ElasticLoadBalancingV2") == "AWSElasticLoadBalancingV2"
    assert gen.service_module("Alexa::ASK") == "AlexaASK"
