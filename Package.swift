// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Probity",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "probity", targets: ["probity"]),
        .library(name: "ProbityKit", targets: ["ProbityKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // All logic: knowledge, engine, routing, search, transcripts. No terminal I/O.
        .target(name: "ProbityKit", dependencies: ["CLibPQShim", "ProbityBytes", "ProbityEncoder"]),
        // The sentence encoder (all-MiniLM-L6-v2 in pure Swift) that routing asks when its first reading is unsure.
        // Optimised in every configuration: unoptimised, one question takes seconds instead of milliseconds, which
        // the debug-built tests and the debug chat of the README's command could not afford.
        .target(name: "ProbityEncoder", dependencies: ["ProbityBytes"], swiftSettings: [.unsafeFlags(["-O"])]),
        // Bytes that stay put while they are read (a copy, or a file mapped read-only), and SHA-256: optimised in every
        // configuration, since validate hashes the 23.5 MB encoder file.
        .target(name: "ProbityBytes", swiftSettings: [.unsafeFlags(["-O"])]),
        // libpq, opened with dlopen when a command first uses the store, its functions checked against libpq-fe.h
        // (apt: libpq-dev). Not linked: linking it loads libpq, OpenSSL, Kerberos and LDAP at every start-up.
        .target(
            name: "CLibPQShim",
            cSettings: [.unsafeFlags(["-I/usr/include/postgresql", "-I/opt/homebrew/opt/libpq/include", "-I/usr/local/opt/libpq/include"])]),
        // libedit, found with pkg-config.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // One plain C function per variadic libedit call that Swift cannot make.
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        .executableTarget(
            name: "probity",
            dependencies: [
                "ProbityKit",
                "CEditLineShim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Routing accuracy and in-process timings for BENCHMARKS.md: swift run -c release probity-bench
        .executableTarget(name: "probity-bench", dependencies: ["ProbityKit", "ProbityBytes", "ProbityEncoder"]),
        // The start-up baseline for BENCHMARKS.md: Foundation and nothing else, built like probity.
        .executableTarget(name: "foundation-hello"),
        // The checkout's paths and the built binary's runner, one copy for both test targets.
        .target(name: "ProbityTestSupport", path: "Tests/ProbityTestSupport"),
        .testTarget(name: "ProbityKitTests", dependencies: ["ProbityKit", "ProbityBytes", "ProbityEncoder", "ProbityTestSupport"]),
        .testTarget(name: "ProbityEndToEndTests", dependencies: ["ProbityKit", "ProbityBytes", "ProbityTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
