package io.pactbroker.consumer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuildInfoTest {

    static Stream<Arguments> ciSystems() {
        return Stream.of(
                Arguments.of(
                        Map.of(
                                "GITHUB_ACTIONS",
                                "true",
                                "GITHUB_SHA",
                                "c1",
                                "GITHUB_REF",
                                "refs/heads/main",
                                "GITHUB_SERVER_URL",
                                "https://github.com",
                                "GITHUB_REPOSITORY",
                                "acme/web",
                                "GITHUB_RUN_ID",
                                "42"),
                        new BuildInfo(
                                Optional.of("GitHub Actions"),
                                Optional.of("c1"),
                                Optional.of("main"),
                                Optional.of("https://github.com/acme/web/actions/runs/42"))),
                Arguments.of(
                        Map.of(
                                "GITHUB_ACTIONS",
                                "true",
                                "GITHUB_SHA",
                                "c1",
                                "GITHUB_HEAD_REF",
                                "feature/x",
                                "GITHUB_REF_NAME",
                                "17/merge"),
                        new BuildInfo(
                                Optional.of("GitHub Actions"),
                                Optional.of("c1"),
                                Optional.of("feature/x"),
                                Optional.empty())),
                Arguments.of(
                        Map.of(
                                "GITLAB_CI",
                                "true",
                                "CI_COMMIT_SHA",
                                "c2",
                                "CI_COMMIT_REF_NAME",
                                "dev",
                                "CI_JOB_URL",
                                "https://gitlab/job/1"),
                        new BuildInfo(
                                Optional.of("GitLab"),
                                Optional.of("c2"),
                                Optional.of("dev"),
                                Optional.of("https://gitlab/job/1"))),
                Arguments.of(
                        Map.of(
                                "JENKINS_URL",
                                "https://jenkins",
                                "GIT_COMMIT",
                                "c3",
                                "GIT_BRANCH",
                                "origin/main",
                                "BUILD_URL",
                                "https://jenkins/job/1/"),
                        new BuildInfo(
                                Optional.of("Jenkins"),
                                Optional.of("c3"),
                                Optional.of("main"),
                                Optional.of("https://jenkins/job/1/"))),
                Arguments.of(
                        Map.of(
                                "CIRCLECI",
                                "true",
                                "CIRCLE_SHA1",
                                "c4",
                                "CIRCLE_BRANCH",
                                "main",
                                "CIRCLE_BUILD_URL",
                                "https://circle/1"),
                        new BuildInfo(
                                Optional.of("CircleCI"),
                                Optional.of("c4"),
                                Optional.of("main"),
                                Optional.of("https://circle/1"))),
                Arguments.of(
                        Map.of(
                                "BUILDKITE",
                                "true",
                                "BUILDKITE_COMMIT",
                                "c5",
                                "BUILDKITE_BRANCH",
                                "main",
                                "BUILDKITE_BUILD_URL",
                                "https://buildkite/1"),
                        new BuildInfo(
                                Optional.of("Buildkite"),
                                Optional.of("c5"),
                                Optional.of("main"),
                                Optional.of("https://buildkite/1"))),
                Arguments.of(
                        Map.of(
                                "TF_BUILD",
                                "True",
                                "BUILD_SOURCEVERSION",
                                "c6",
                                "BUILD_SOURCEBRANCH",
                                "refs/heads/feature/y",
                                "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
                                "https://dev.azure.com/acme/",
                                "SYSTEM_TEAMPROJECT",
                                "web",
                                "BUILD_BUILDID",
                                "7"),
                        new BuildInfo(
                                Optional.of("Azure DevOps"),
                                Optional.of("c6"),
                                Optional.of("feature/y"),
                                Optional.of("https://dev.azure.com/acme/web/_build/results?buildId=7"))),
                Arguments.of(
                        Map.of(
                                "BITBUCKET_BUILD_NUMBER",
                                "8",
                                "BITBUCKET_COMMIT",
                                "c7",
                                "BITBUCKET_BRANCH",
                                "main",
                                "BITBUCKET_GIT_HTTP_ORIGIN",
                                "https://bitbucket.org/acme/web"),
                        new BuildInfo(
                                Optional.of("Bitbucket Pipelines"),
                                Optional.of("c7"),
                                Optional.of("main"),
                                Optional.of("https://bitbucket.org/acme/web/addon/pipelines/home#!/results/8"))),
                Arguments.of(
                        Map.of(
                                "TRAVIS",
                                "true",
                                "TRAVIS_COMMIT",
                                "c8",
                                "TRAVIS_BRANCH",
                                "main",
                                "TRAVIS_PULL_REQUEST_BRANCH",
                                "",
                                "TRAVIS_BUILD_WEB_URL",
                                "https://travis/1"),
                        new BuildInfo(
                                Optional.of("Travis CI"),
                                Optional.of("c8"),
                                Optional.of("main"),
                                Optional.of("https://travis/1"))),
                Arguments.of(
                        Map.of("TEAMCITY_VERSION", "2024.1", "BUILD_VCS_NUMBER", "c9"),
                        new BuildInfo(Optional.of("TeamCity"), Optional.of("c9"), Optional.empty(), Optional.empty())),
                Arguments.of(
                        Map.of("PATH", "/usr/bin"),
                        new BuildInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("ciSystems")
    void shouldReadTheCommitBranchAndBuildUrlOfEachCiSystem(Map<String, String> env, BuildInfo expected) {
        assertThat(BuildInfo.fromCi(env)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("ciSystems")
    void shouldFillGapsFromGit(Map<String, String> env, BuildInfo ignored) {
        BuildInfo git = BuildInfo.fromGit(Path.of("."));
        BuildInfo merged = BuildInfo.fromCi(env).orElse(git);

        assertThat(merged.commit()).isEqualTo(BuildInfo.fromCi(env).commit().or(git::commit));
    }
}
