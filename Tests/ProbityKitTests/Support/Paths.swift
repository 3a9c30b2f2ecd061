import Foundation

/// Paths inside the checkout, found from this file's location so tests run from any directory.
enum Paths {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let knowledge = repository + "/Knowledge"
    static let fixtures = repository + "/Tests/Fixtures"
}
