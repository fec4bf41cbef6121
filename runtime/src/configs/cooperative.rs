//! The cooperative's own pallets: membership by guarantee, escrowed deposit quanta and
//! complaints (the general meeting's are in [`super::governance`]).

use super::governance::MeetingOrRoot;
use crate::{
	currency::UNITS, time::DAYS, AccountId, Balance, Balances, BlockNumber, Complaints, Escrow,
	Fund, Membership, Runtime, RuntimeCall, RuntimeHoldReason, ValidatorSet,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	PalletId,
};
use pallet_guarantee_membership::Safeguards;
use sp_runtime::Perbill;

/// The fewest guarantors a member may have outside grace: the regulation's "two members".
pub const MIN_GUARANTORS: u32 = 2;
/// The most guarantors one member may have (bounds every loop over a member's guarantors).
pub const MAX_GUARANTORS: u32 = 8;

// The regulation's periods on a real network. Each is the default of a storage value that
// genesis may set: the development presets set a few blocks (docs/operator.md lists them).
parameter_types! {
	/// An application stays open a week.
	pub const DefaultApplicationPeriod: BlockNumber = 7 * DAYS;
	/// A member left short of guarantors has a week to find another.
	pub const DefaultGracePeriod: BlockNumber = 7 * DAYS;
	/// An expelled account may not be proposed again for a year, unless the meeting readmits.
	pub const DefaultReadmissionBar: BlockNumber = 365 * DAYS;
	/// An open deal completes on its own after thirty days.
	pub const DefaultDealPeriod: BlockNumber = 30 * DAYS;
	/// A guarantor has a week to top up escrow paid out in a compensation.
	pub const DefaultTopUpPeriod: BlockNumber = 7 * DAYS;
	/// A completed deal stays open to complaints for a week.
	pub const DefaultSettledPeriod: BlockNumber = 7 * DAYS;
	/// A level of a complaint case has a day to decide.
	pub const DefaultEscalationPeriod: BlockNumber = DAYS;
	/// A week: no level of a complaint waits longer for its panel.
	pub const MaxEscalationPeriod: BlockNumber = 7 * DAYS;
	/// The general vote has a fortnight to decide a complaint that reached it: a motion's seven
	/// days of vote and two of grace, and five to propose it.
	pub const DefaultGeneralVotePeriod: BlockNumber = 14 * DAYS;
	/// Upheld complaints against a guarantor's protégés and their strikes count over half a
	/// year towards a ban, which lasts as long; a complainant's dismissed complaints count as
	/// long towards the bar from filing, which lasts as long too.
	pub const DefaultRecordWindow: BlockNumber = 182 * DAYS;
	/// The meeting may ask at most 100 SYN of a complaint (the middle class's quantum): a bond
	/// deters the baseless, it must never price the wronged out of complaining.
	pub const MaxComplaintBond: Balance = 100 * UNITS;
}

// The defences against a ring of sock puppets (docs/design.md works out what capturing the
// general meeting costs at these values).
parameter_types! {
	/// In each thirty days a member gives at most two guarantees, the cooperative opens at most
	/// a tenth of its membership in applications (at least four), and a new member votes after
	/// thirty days.
	pub const DefaultSafeguards: Safeguards<BlockNumber> = Safeguards {
		period: 30 * DAYS,
		per_guarantor: 2,
		growth: Perbill::from_percent(10),
		growth_floor: 4,
		voting_age: 30 * DAYS,
	};
	/// No motion sets them beyond these: at most sixteen guarantees a member and half the
	/// membership a period, at least one guarantee and one application a period; a voting age
	/// of at most a year. The low ends are in blocks so that development networks can watch
	/// them.
	pub const SafeguardBounds: (Safeguards<BlockNumber>, Safeguards<BlockNumber>) = (
		Safeguards {
			period: 10,
			per_guarantor: 1,
			growth: Perbill::zero(),
			growth_floor: 1,
			voting_age: 3,
		},
		Safeguards {
			period: 365 * DAYS,
			per_guarantor: 16,
			growth: Perbill::from_percent(50),
			growth_floor: 100,
			voting_age: 365 * DAYS,
		},
	);
}

/// The calls anyone may sign, member or not: a gift to the common fund, a candidate's admission
/// fee (a sponsor paying), revenue paid into a project (a customer paying), and a claim of what
/// one earned in a project (kept by those who have since left the cooperative).
pub struct OpenToAll;
impl frame_support::traits::Contains<crate::RuntimeCall> for OpenToAll {
	fn contains(call: &crate::RuntimeCall) -> bool {
		use pallet_contributions::Call as C;
		matches!(
			call,
			crate::RuntimeCall::Fund(pallet_fund_voting::Call::donate { .. })
				| crate::RuntimeCall::Membership(pallet_guarantee_membership::Call::pay_fee { .. })
				| crate::RuntimeCall::Contributions(C::pay_revenue { .. } | C::claim { .. })
		)
	}
}

/// `InvalidTransaction::Custom` code of `session.purge_keys` signed by a validator of the
/// decided, planned or current set: with its keys gone the session would seat one validator
/// fewer, below the minimum that keeps GRANDPA finalizing through a fault. A validator leaves
/// the set by the members' motion first.
pub const VALIDATOR_MUST_KEEP_KEYS: u8 = 4;

/// The calls refused at the pool to particular members: a validator's key purge.
pub struct Refused;
impl pallet_guarantee_membership::RefusedCalls<AccountId, RuntimeCall> for Refused {
	fn refused(who: &AccountId, call: &RuntimeCall) -> Option<u8> {
		let purge = matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys {}));
		let validator = || {
			ValidatorSet::must_keep_keys(who)
				|| pallet_session::Validators::<Runtime>::get().contains(who)
		};
		(purge && validator()).then_some(VALIDATOR_MUST_KEEP_KEYS)
	}

	fn weight(call: &RuntimeCall) -> frame_support::weights::Weight {
		match call {
			// The decided, the planned and the session's current set.
			RuntimeCall::Session(pallet_session::Call::purge_keys {}) => {
				<Runtime as frame_system::Config>::DbWeight::get().reads(3)
			},
			_ => frame_support::weights::Weight::zero(),
		}
	}
}

parameter_types! {
	/// The account of the membership pallet keeps the admission fees paid for open applications.
	pub const MembershipPalletId: PalletId = PalletId(*b"syn/memb");
}

impl pallet_guarantee_membership::Config for Runtime {
	type Currency = Balances;
	type Escrow = Escrow;
	type Blocked = Complaints;
	type Fund = Fund;
	type PalletId = MembershipPalletId;
	// A hundred times the usual fee: no motion can close the doors by price.
	type MaxAdmissionFee = ConstU128<{ 1_000 * UNITS }>;
	type OpenToAll = OpenToAll;
	type Refused = Refused;
	type ClassOrigin = MeetingOrRoot;
	type MinGuarantors = ConstU32<MIN_GUARANTORS>;
	type MaxGuarantors = ConstU32<MAX_GUARANTORS>;
	type MaxProteges = ConstU32<32>;
	type MaxClasses = ConstU32<16>;
	type MaxClassNameLen = ConstU32<64>;
	type DefaultApplicationPeriod = DefaultApplicationPeriod;
	type DefaultGracePeriod = DefaultGracePeriod;
	type DefaultReadmissionBar = DefaultReadmissionBar;
	type MaxDeadlinesPerBlock = ConstU32<32>;
	type DeparturePageSize = ConstU32<16>;
	type DefaultSafeguards = DefaultSafeguards;
	type SafeguardBounds = SafeguardBounds;
	type WeightInfo = pallet_guarantee_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_deposit_escrow::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type Blocked = Complaints;
	type OnTopUpMissed = Membership;
	// The board counts completed deals in each member's record and moves its listings.
	type OnDealEnded = crate::Board;
	type DefaultDealPeriod = DefaultDealPeriod;
	type DefaultSettledPeriod = DefaultSettledPeriod;
	type DefaultTopUpPeriod = DefaultTopUpPeriod;
	type MaxDealsPerMember = ConstU32<64>;
	type MaxGuarantors = ConstU32<MAX_GUARANTORS>;
	type DeadlinePageSize = ConstU32<64>;
	type DeadlinePagesPerBlock = ConstU32<4>;
	type WeightInfo = pallet_deposit_escrow::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MembershipForBenchmarks;
}

/// Makes accounts members for the escrow pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MembershipForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_deposit_escrow::BenchmarkHelper<AccountId> for MembershipForBenchmarks {
	fn make_member(who: &AccountId) {
		Membership::insert_member_for_benchmarks(who);
	}
}

/// The draw that breaks ties between candidates for a complaint panel: the hash of its subject,
/// which names the case, the side, the level and the hash of the block before the deadline of the
/// level below. That block was final before anyone could call `escalate`, so no party steers the
/// draw by choosing when to call. Only the validator that authored that block chose its hash
/// (by what it included), and could choose another only by authoring it differently or not at
/// all.
pub struct DeadlineHashDraw;
impl frame_support::traits::Randomness<crate::Hash, BlockNumber> for DeadlineHashDraw {
	fn random(subject: &[u8]) -> (crate::Hash, BlockNumber) {
		use sp_runtime::traits::Hash as _;
		let now = frame_system::Pallet::<Runtime>::block_number();
		(sp_runtime::traits::BlakeTwo256::hash(subject), now.saturating_sub(1))
	}
}

impl pallet_complaints::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Membership;
	type Randomness = DeadlineHashDraw;
	type Escrow = Escrow;
	type RuntimeCall = RuntimeCall;
	// A side at the top of the graph goes to the general meeting, which opens a motion for each
	// of its options by itself.
	type GeneralVote = Fund;
	// An accused member's grace clock stands still until their last case closes.
	type OnAccusation = Membership;
	type TopOrigin = MeetingOrRoot;
	type DefaultEscalationPeriod = DefaultEscalationPeriod;
	type DefaultGeneralVotePeriod = DefaultGeneralVotePeriod;
	type MaxEscalationPeriod = MaxEscalationPeriod;
	type MaxEscalationDepth = ConstU32<4>;
	type MaxPanel = ConstU32<16>;
	// "Once, twice, three times — the same guarantor — banned."
	type BanThreshold = ConstU32<3>;
	type StrikeLimit = ConstU32<5>;
	type DefaultRecordWindow = DefaultRecordWindow;
	// Baseless complainers "were quickly expelled": three dismissed complaints in the record
	// window bar filing for a window.
	type DismissedLimit = ConstU32<3>;
	type MaxComplaintBond = MaxComplaintBond;
	type MaxOpenFiled = ConstU32<4>;
	type MaxCasesListed = ConstU32<32>;
	type DeadlinePageSize = ConstU32<8>;
	type DeadlinePagesPerBlock = ConstU32<1>;
	type WeightInfo = pallet_complaints::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ComplaintsForBenchmarks;
}

/// Makes members, guarantees and deals for the complaints pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct ComplaintsForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_complaints::BenchmarkHelper<AccountId> for ComplaintsForBenchmarks {
	fn max_guarantors() -> u32 {
		MAX_GUARANTORS
	}

	fn guarantee(who: &AccountId, guarantors: &[AccountId]) {
		Membership::insert_guaranteed_member_for_benchmarks(who, guarantors);
	}

	fn deal(initiator: &AccountId, counterparty: &AccountId) -> pallet_complaints::DealId {
		use crate::RuntimeOrigin;
		// As on a chain, the guarantees given before the deal are older than it (panels are
		// drawn only from those): it opens a block later.
		let now = frame_system::Pallet::<Runtime>::block_number();
		frame_system::Pallet::<Runtime>::set_block_number(now.saturating_add(1));
		let id = pallet_deposit_escrow::NextDealId::<Runtime>::get();
		let amount = Escrow::insured_quantum(initiator).min(Escrow::insured_quantum(counterparty));
		let opened = Escrow::open_deal(
			RuntimeOrigin::signed(initiator.clone()),
			counterparty.clone().into(),
			amount,
			Default::default(),
		)
		.and_then(|_| Escrow::accept_deal(RuntimeOrigin::signed(counterparty.clone()), id));
		if let Err(error) = opened {
			panic!("benchmark setup failed: {error:?}");
		}
		id
	}

	fn add_members(count: u32) {
		for i in 0..count {
			let member: AccountId = frame_benchmarking::account("member", i, 0);
			Membership::insert_member_for_benchmarks(&member);
		}
	}
}

parameter_types! {
	pub const ContributionsPalletId: PalletId = PalletId(*b"syn/cont");
	/// Half of a challenged contribution's electorate must vote for the vote to count.
	pub const ContributionsChallengeQuorum: Perbill = Perbill::from_percent(50);
	/// The seed's 10 % of every project's revenue to the common fund, until the meeting says
	/// otherwise.
	pub const ContributionsDefaultMinFundShare: Perbill = Perbill::from_percent(10);
	/// The meeting may take at most half of a project's revenue for the fund.
	pub const ContributionsMaxMinFundShare: Perbill = Perbill::from_percent(50);
}

impl pallet_contributions::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Membership;
	type Fund = Fund;
	type PalletId = ContributionsPalletId;
	// Every per-participant cost is constant (the split is an accumulator); the bound keeps a
	// project a group of members rather than the whole cooperative many times over.
	type MaxParticipants = ConstU32<100_000>;
	type MaxOrganisers = ConstU32<8>;
	type MaxCustomKinds = ConstU32<8>;
	// A block handles two pages of 16 deadlines; a burst beyond waits for the next blocks.
	type DeadlinePageSize = ConstU32<16>;
	type DeadlinePagesPerBlock = ConstU32<2>;
	// What one member keeps open for others to decide on, all projects together.
	type MaxPendingPerParticipant = ConstU32<32>;
	type MaxOpenMotions = ConstU32<16>;
	type ChallengeQuorum = ContributionsChallengeQuorum;
	type DefaultMinFundShare = ContributionsDefaultMinFundShare;
	type MaxMinFundShare = ContributionsMaxMinFundShare;
	type ParameterOrigin = MeetingOrRoot;
	type MaxListed = ConstU32<256>;
	type WeightInfo = pallet_contributions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MembershipForBenchmarks;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_contributions::BenchmarkHelper<AccountId> for MembershipForBenchmarks {
	fn make_member(who: &AccountId) {
		Membership::insert_member_for_benchmarks(who);
	}
}
