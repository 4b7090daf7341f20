/// The 15 Scope 3 categories of the GHG Protocol (Corporate Value Chain Standard).
public enum Scope3Category {
  /// Names of categories 1...15, in order.
  public static let names: [String] = [
    "Purchased goods and services",
    "Capital goods",
    "Fuel- and energy-related activities",
    "Upstream transportation and distribution",
    "Waste generated in operations",
    "Business travel",
    "Employee commuting",
    "Upstream leased assets",
    "Downstream transportation and distribution",
    "Processing of sold products",
    "Use of sold products",
    "End-of-life treatment of sold products",
    "Downstream leased assets",
    "Franchises",
    "Investments",
  ]

  /// The name of category `n` (1...15); "Category n" outside that range.
  public static func name(_ n: Int) -> String {
    n >= 1 && n <= 15 ? names[n - 1] : "Category \(n)"
  }
}
