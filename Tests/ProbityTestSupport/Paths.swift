import Foundation

/// Paths inside the checkout, found from this file's location so tests run from any directory.
/// Shared by the unit and end-to-end tests (this target, ProbityTestSupport, is their one copy).
public enum Paths {
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static let knowledge = repository + "/Knowledge"
    public static let fixtures = repository + "/Tests/Fixtures"
}
