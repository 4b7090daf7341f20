// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "carbontop",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "carbontop", targets: ["carbontop"]),
    .library(name: "CarbonKit", targets: ["CarbonKit"]),
    .library(name: "CarbonData", targets: ["CarbonData"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The thin system layer without Foundation: files, environment, printf formatting, output.
    .target(name: "CarbonSystem"),
    // Text on a terminal, one rule each: the cell width of a character and the sanitizer.
    .target(name: "CarbonText"),
    // The pure calculations of the data contract; CarbonSystem only for CFormat.
    .target(name: "CarbonKit", dependencies: ["CarbonSystem", "CarbonText"]),
    // The TOML 1.0.0 parser: standard library only (no Foundation).
    .target(name: "CarbonTOML", dependencies: ["CarbonText"]),
    .target(
      name: "CarbonData",
      dependencies: ["CarbonKit", "CarbonSystem", "CarbonText", "CarbonTOML"]
    ),
    // No pkgConfig: SwiftPM drops its -D flags with a warning; shim.h defines what is needed.
    .systemLibrary(name: "CNcursesW"),
    .target(name: "CarbonTerminal", dependencies: ["CNcursesW", "CarbonText"]),
    // libpq (Debian's libpq-dev), PostgreSQL's own client: the URL, PG* variables, ~/.pgpass,
    // service files and sslmode come with it (docs/postgres.md).
    .systemLibrary(name: "CLibPQ"),
    // The PostgreSQL source: a dataset in a schema, db init/import/export, LISTEN/NOTIFY.
    .target(
      name: "CarbonPostgres",
      dependencies: ["CLibPQ", "CarbonData", "CarbonKit", "CarbonSystem", "CarbonText"]
    ),
    .target(
      name: "CarbonTUI",
      dependencies: ["CarbonKit", "CarbonSystem", "CarbonText", "CarbonTerminal", "CarbonTOML"]
    ),
    .executableTarget(
      name: "carbontop",
      dependencies: [
        "CarbonKit", "CarbonSystem", "CarbonText", "CarbonData", "CarbonPostgres", "CarbonTerminal",
        "CarbonTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds link the Swift libraries statically: the peak memory goal of the
      // dashboard (docs/performance.md, "Memory").
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-use-ld=lld", "-Xlinker", "-l_FoundationCollections", "-Xlinker",
            "-l_FoundationCShims",
          ],
          .when(configuration: .release))
      ]
    ),
    // The CPU benchmark of the dashboard's interactive paths (docs/performance.md).
    .executableTarget(
      name: "carbontop-bench",
      dependencies: ["CarbonKit", "CarbonSystem", "CarbonData", "CarbonTerminal", "CarbonTUI"]
    ),
    .testTarget(name: "CarbonKitTests", dependencies: ["CarbonKit", "CarbonText"]),
    .testTarget(name: "CarbonSystemTests", dependencies: ["CarbonSystem"]),
    .testTarget(name: "CarbonTextTests", dependencies: ["CarbonText"]),
    .testTarget(
      name: "CarbonTOMLTests", dependencies: ["CarbonTOML"], exclude: ["toml_reference.py"]),
    .testTarget(name: "CarbonDataTests", dependencies: ["CarbonData", "CarbonKit", "CarbonText"]),
    .testTarget(
      name: "CarbonPostgresTests", dependencies: ["CarbonPostgres", "CarbonData", "CarbonKit"]),
    .testTarget(name: "CarbonTerminalTests", dependencies: ["CarbonTerminal", "CarbonText"]),
    .testTarget(
      name: "CarbonTUITests",
      dependencies: ["CarbonTUI", "CarbonKit", "CarbonText", "CarbonTerminal"]),
    // Runs Tests/e2e (pytest + pyte) against the built carbontop binary.
    .testTarget(name: "EndToEndTests", exclude: []),
  ],
  swiftLanguageModes: [.v6]
)
