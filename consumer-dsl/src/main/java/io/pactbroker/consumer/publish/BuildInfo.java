package io.pactbroker.consumer.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a build knows about itself: the commit, the branch and the URL of the build, read from the environment variables
 * of the common CI systems, or from git.
 *
 * <table>
 *   <caption>CI systems</caption>
 *   <tr><th>CI</th><th>detected by</th><th>commit</th><th>branch</th><th>build URL</th></tr>
 *   <tr><td>GitHub Actions</td><td>GITHUB_ACTIONS</td><td>GITHUB_SHA</td><td>GITHUB_HEAD_REF, GITHUB_REF_NAME</td><td>GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID</td></tr>
 *   <tr><td>GitLab</td><td>GITLAB_CI</td><td>CI_COMMIT_SHA</td><td>CI_MERGE_REQUEST_SOURCE_BRANCH_NAME, CI_COMMIT_REF_NAME</td><td>CI_JOB_URL</td></tr>
 *   <tr><td>Jenkins</td><td>JENKINS_URL</td><td>GIT_COMMIT</td><td>BRANCH_NAME, GIT_BRANCH (without origin/)</td><td>BUILD_URL</td></tr>
 *   <tr><td>CircleCI</td><td>CIRCLECI</td><td>CIRCLE_SHA1</td><td>CIRCLE_BRANCH</td><td>CIRCLE_BUILD_URL</td></tr>
 *   <tr><td>Buildkite</td><td>BUILDKITE</td><td>BUILDKITE_COMMIT</td><td>BUILDKITE_BRANCH</td><td>BUILDKITE_BUILD_URL</td></tr>
 *   <tr><td>Azure DevOps</td><td>TF_BUILD</td><td>BUILD_SOURCEVERSION</td><td>SYSTEM_PULLREQUEST_SOURCEBRANCH, BUILD_SOURCEBRANCH (without refs/heads/)</td><td>SYSTEM_TEAMFOUNDATIONCOLLECTIONURI SYSTEM_TEAMPROJECT/_build/results?buildId=BUILD_BUILDID</td></tr>
 *   <tr><td>Bitbucket Pipelines</td><td>BITBUCKET_BUILD_NUMBER</td><td>BITBUCKET_COMMIT</td><td>BITBUCKET_BRANCH</td><td>BITBUCKET_GIT_HTTP_ORIGIN/addon/pipelines/home#!/results/BITBUCKET_BUILD_NUMBER</td></tr>
 *   <tr><td>Travis CI</td><td>TRAVIS</td><td>TRAVIS_COMMIT</td><td>TRAVIS_PULL_REQUEST_BRANCH, TRAVIS_BRANCH</td><td>TRAVIS_BUILD_WEB_URL</td></tr>
 *   <tr><td>TeamCity</td><td>TEAMCITY_VERSION</td><td>BUILD_VCS_NUMBER</td><td>(git)</td><td>BUILD_URL</td></tr>
 * </table>
 *
 * @param ci the CI system's name, when one was detected
 * @param commit the commit
 * @param branch the branch
 * @param buildUrl the URL of the build
 */
public record BuildInfo(
        Optional<String> ci, Optional<String> commit, Optional<String> branch, Optional<String> buildUrl) {

    /** What the CI environment variables say (nothing outside CI). */
    public static BuildInfo fromCi(Map<String, String> env) {
        if (has(env, "GITHUB_ACTIONS")) {
            Optional<String> url = all(env, "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
                    ? Optional.of(env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/"
                            + env.get("GITHUB_RUN_ID"))
                    : Optional.empty();
            Optional<String> branch = first(env, "GITHUB_HEAD_REF", "GITHUB_REF_NAME")
                    .or(() -> get(env, "GITHUB_REF").map(r -> strip(r, "refs/heads/")));
            return new BuildInfo(Optional.of("GitHub Actions"), get(env, "GITHUB_SHA"), branch, url);
        }
        if (has(env, "GITLAB_CI")) {
            return new BuildInfo(
                    Optional.of("GitLab"),
                    get(env, "CI_COMMIT_SHA"),
                    first(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"),
                    first(env, "CI_JOB_URL", "CI_PIPELINE_URL"));
        }
        if (has(env, "JENKINS_URL") || has(env, "JENKINS_HOME")) {
            return new BuildInfo(
                    Optional.of("Jenkins"),
                    get(env, "GIT_COMMIT"),
                    first(env, "BRANCH_NAME").or(() -> get(env, "GIT_BRANCH").map(b -> strip(b, "origin/"))),
                    get(env, "BUILD_URL"));
        }
        if (has(env, "CIRCLECI")) {
            return new BuildInfo(
                    Optional.of("CircleCI"),
                    get(env, "CIRCLE_SHA1"),
                    get(env, "CIRCLE_BRANCH"),
                    get(env, "CIRCLE_BUILD_URL"));
        }
        if (has(env, "BUILDKITE")) {
            return new BuildInfo(
                    Optional.of("Buildkite"),
                    get(env, "BUILDKITE_COMMIT"),
                    get(env, "BUILDKITE_BRANCH"),
                    get(env, "BUILDKITE_BUILD_URL"));
        }
        if (has(env, "TF_BUILD")) {
            Optional<String> url = all(env, "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "SYSTEM_TEAMPROJECT", "BUILD_BUILDID")
                    ? Optional.of(env.get("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI") + env.get("SYSTEM_TEAMPROJECT")
                            + "/_build/results?buildId=" + env.get("BUILD_BUILDID"))
                    : Optional.empty();
            return new BuildInfo(
                    Optional.of("Azure DevOps"),
                    get(env, "BUILD_SOURCEVERSION"),
                    first(env, "SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH")
                            .map(b -> strip(b, "refs/heads/")),
                    url);
        }
        if (has(env, "BITBUCKET_BUILD_NUMBER")) {
            Optional<String> url = all(env, "BITBUCKET_GIT_HTTP_ORIGIN")
                    ? Optional.of(env.get("BITBUCKET_GIT_HTTP_ORIGIN") + "/addon/pipelines/home#!/results/"
                            + env.get("BITBUCKET_BUILD_NUMBER"))
                    : Optional.empty();
            return new BuildInfo(
                    Optional.of("Bitbucket Pipelines"),
                    get(env, "BITBUCKET_COMMIT"),
                    get(env, "BITBUCKET_BRANCH"),
                    url);
        }
        if (has(env, "TRAVIS")) {
            return new BuildInfo(
                    Optional.of("Travis CI"),
                    get(env, "TRAVIS_COMMIT"),
                    first(env, "TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH"),
                    get(env, "TRAVIS_BUILD_WEB_URL"));
        }
        if (has(env, "TEAMCITY_VERSION")) {
            return new BuildInfo(
                    Optional.of("TeamCity"), get(env, "BUILD_VCS_NUMBER"), Optional.empty(), get(env, "BUILD_URL"));
        }
        return new BuildInfo(Optional.empty(), Optional.empty(), Optional.empty(), get(env, "BUILD_URL"));
    }

    /** What git says in the directory (nothing when git is missing or it is not a repository). */
    public static BuildInfo fromGit(Path directory) {
        Optional<String> commit = git(directory, "rev-parse", "HEAD");
        Optional<String> branch =
                git(directory, "rev-parse", "--abbrev-ref", "HEAD").filter(b -> !b.equals("HEAD"));
        return new BuildInfo(Optional.empty(), commit, branch, Optional.empty());
    }

    /** This information, with gaps filled from the other. */
    public BuildInfo orElse(BuildInfo other) {
        return new BuildInfo(
                ci.or(other::ci), commit.or(other::commit), branch.or(other::branch), buildUrl.or(other::buildUrl));
    }

    private static Optional<String> git(Path directory, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean has(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    private static boolean all(Map<String, String> env, String... names) {
        for (String name : names) {
            if (!has(env, name)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            Optional<String> value = get(env, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
