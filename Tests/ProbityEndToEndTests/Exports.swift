/// The built binary's runner and the checkout's paths, shared with the unit tests.
@_exported import ProbityTestSupport
