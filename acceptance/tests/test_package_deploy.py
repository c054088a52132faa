"""The package-deploy check reads the commands synth prints; a change in their layout must fail here."""

from acceptance.checks.package_deploy import printed_commands

SYNTH_OUTPUT = """wrote examples/nested/out/nested-app.yaml

To deploy:

# 1. nested-app: the CloudFormation flavor
# build examples/nested/templates/worker with its dependencies into .infra-build/x (git ignores .infra-build/)
rm -rf .infra-build/x && mkdir -p .infra-build/x && cp -R x/. .infra-build/x/
python3 -m pip install --quiet --requirement x/requirements.txt --target .infra-build/x
mkdir -p .infra-build/packaged
aws cloudformation package \\
    --template-file examples/nested/out/nested-app.yaml \\
    --s3-bucket <artifact-bucket> \\
    --output-template-file .infra-build/packaged/nested-app.yaml
aws cloudformation deploy \\
    --stack-name nested-app \\
    --template-file .infra-build/packaged/nested-app.yaml \\
    --s3-bucket <artifact-bucket> \\
    --capabilities CAPABILITY_IAM
"""


def test_commands_are_joined_and_comments_dropped():
    commands = printed_commands(SYNTH_OUTPUT)
    assert commands == [
        "rm -rf .infra-build/x && mkdir -p .infra-build/x && cp -R x/. .infra-build/x/",
        "python3 -m pip install --quiet --requirement x/requirements.txt --target .infra-build/x",
        "mkdir -p .infra-build/packaged",
        "aws cloudformation package --template-file examples/nested/out/nested-app.yaml --s3-bucket <artifact-bucket> "
        "--output-template-file .infra-build/packaged/nested-app.yaml",
        "aws cloudformation deploy --stack-name nested-app --template-file .infra-build/packaged/nested-app.yaml "
        "--s3-bucket <artifact-bucket> --capabilities CAPABILITY_IAM",
    ]


def test_no_deploy_section_gives_no_commands():
    assert printed_commands("wrote out/a.yaml\nunchanged out/b.yaml\n") == []
