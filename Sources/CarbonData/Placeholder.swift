import CarbonKit
