/// Paths and helpers shared with the end-to-end tests.
@_exported import ProbityTestSupport
