//! The members' general meeting: the common fund, proposals voted one member one vote, and the
//! validator set the meeting decides.

use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_fund_voting::{EnsureGeneralMeeting, MotionRules, ParameterLimits, Parameters};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	currency::UNITS,
	time::{DAYS, HOURS},
	AccountId, Balance, Balances, BlockNumber, Complaints, Membership, Runtime, RuntimeCall,
	RuntimeHoldReason, Session,
};

/// The general meeting (a passed motion), or Root: the development chain's sudo key (no other
/// preset has one).
pub type MeetingOrRoot = EitherOfDiverse<EnsureRoot<AccountId>, EnsureGeneralMeeting>;

parameter_types! {
	pub const FundPalletId: PalletId = PalletId(*b"syn/fund");
	/// The general meeting's rules until it sets its own.
	pub DefaultFundParameters: Parameters<Balance, BlockNumber> = Parameters {
		proposal_deposit: 10 * UNITS,
		voting_period: 7 * DAYS,
		grace_period: 2 * DAYS,
		quorum: Perbill::from_percent(33),
		approval: Perbill::from_percent(50),
		super_approval: Perbill::from_percent(66),
		large_spend: Perbill::from_percent(10),
		objection: Perbill::from_percent(50),
		spam: Perbill::from_percent(90),
		reserve: 100 * UNITS,
		budget: 10_000 * UNITS,
		budget_period: 30 * DAYS,
	};
	/// The bounds no motion may set a parameter beyond, fixed here so that no motion can make the
	/// meeting unable to decide: thresholds that can be exceeded (approval at most 75 %, super
	/// approval at most 90 %, quorum at most 66 %), a quorum of at least 10 % so that a handful
	/// cannot decide for everyone, objections that take at least 10 % of the electorate, a vote
	/// of ten blocks to thirty days, and the deposit that keeps proposals from being free.
	pub FundParameterLimits: ParameterLimits<Balance, BlockNumber> = ParameterLimits {
		min: Parameters {
			proposal_deposit: UNITS,
			voting_period: 10,
			grace_period: 1,
			quorum: Perbill::from_percent(10),
			approval: Perbill::from_percent(50),
			super_approval: Perbill::from_percent(50),
			large_spend: Perbill::from_percent(1),
			objection: Perbill::from_percent(10),
			spam: Perbill::from_percent(50),
			reserve: crate::currency::EXISTENTIAL_DEPOSIT,
			budget: 0,
			budget_period: 100,
		},
		max: Parameters {
			proposal_deposit: 1_000 * UNITS,
			voting_period: 30 * DAYS,
			grace_period: 30 * DAYS,
			quorum: Perbill::from_percent(66),
			approval: Perbill::from_percent(75),
			super_approval: Perbill::from_percent(90),
			large_spend: Perbill::from_percent(100),
			objection: Perbill::from_percent(100),
			spam: Perbill::from_percent(100),
			reserve: 1_000_000_000 * UNITS,
			budget: 1_000_000_000 * UNITS,
			budget_period: 365 * DAYS,
		},
	};
	/// A motion's call may use a tenth of a block; the hook executes at most four a block.
	pub MaxMotionWeight: Weight = Perbill::from_percent(10) * RuntimeBlockWeights::get().max_block;
	pub const DefaultSessionLength: BlockNumber = HOURS;
	/// A day: the validator set changes at a session's end, at least daily.
	pub const MaxSessionLength: BlockNumber = DAYS;
}

/// What the general meeting may decide by motion: the class table, complaints at the top of
/// the graph, the escalation period and the complaint bonds, the validator set and session
/// length, its own parameters, and the runtime itself (frame-system's `authorize_upgrade` of a
/// code hash, which anyone may then apply with `apply_authorized_upgrade`: a blob of another
/// hash, another spec name or a spec version not above the current one changes nothing). Every
/// change of a rule — the class table, a period, a complaint bond, the validator set or the
/// session length, the meeting's parameters, the runtime — needs the super approval; the
/// decision of a complaint and the board's categories (adding, renaming, retiring) pass by the
/// ordinary one. A decision may be proposed only for a
/// side that has reached the general vote, so that its parties are known, and recused, from
/// the start. The upgrade's authorization is the one motion dispatched as Root, the only origin
/// frame-system accepts for it; `authorize_upgrade_without_checks` is never allowed.
pub struct Motions;
impl MotionRules<AccountId, RuntimeCall> for Motions {
	fn allowed(call: &RuntimeCall) -> bool {
		use pallet_complaints::Call as C;
		use pallet_guarantee_membership::Call as M;
		matches!(
			call,
			RuntimeCall::Membership(
				M::set_class { .. }
					| M::remove_class { .. }
					| M::set_safeguards { .. }
					| M::readmit { .. }
			) | RuntimeCall::Complaints(
				C::set_escalation_period { .. } | C::set_complaint_bond { .. } | C::lift_ban { .. }
			) | RuntimeCall::ValidatorSet(_)
				| RuntimeCall::System(frame_system::Call::authorize_upgrade { .. })
				| RuntimeCall::Fund(pallet_fund_voting::Call::set_parameters { .. })
				| RuntimeCall::Contributions(pallet_contributions::Call::set_min_fund_share { .. })
				| RuntimeCall::Board(
					pallet_board::Call::add_category { .. }
						| pallet_board::Call::rename_category { .. }
						| pallet_board::Call::retire_category { .. }
				)
		) || matches!(
			call,
			RuntimeCall::Complaints(C::decide { case, side, .. })
				if Complaints::at_general_vote(*case, *side)
		)
	}

	fn critical(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::Complaints(pallet_complaints::Call::decide { .. }) | RuntimeCall::Board(_)
		)
	}

	fn as_root(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::authorize_upgrade { .. }))
	}

	fn parties(call: &RuntimeCall) -> alloc::vec::Vec<AccountId> {
		match call {
			RuntimeCall::Complaints(pallet_complaints::Call::decide { case, .. }) => {
				Complaints::parties(*case)
			},
			_ => alloc::vec::Vec::new(),
		}
	}
}

impl pallet_fund_voting::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Membership;
	type Motions = Motions;
	type MeetingOrigin = MeetingOrRoot;
	type PalletId = FundPalletId;
	type DefaultParameters = DefaultFundParameters;
	type Limits = FundParameterLimits;
	type MaxCallLen = ConstU32<1_024>;
	type MaxMotionWeight = MaxMotionWeight;
	type MaxOpenPerMember = ConstU32<4>;
	type MaxDeadlinesPerBlock = ConstU32<4>;
	type MaxListed = ConstU32<64>;
	type WeightInfo = pallet_fund_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Candidates;
}

impl pallet_validator_set::Config for Runtime {
	type Members = Membership;
	type Keys = Session;
	type SetOrigin = MeetingOrRoot;
	type DefaultSessionLength = DefaultSessionLength;
	type MaxSessionLength = MaxSessionLength;
	// With four, GRANDPA (which needs more than two thirds) finalizes with one validator lost.
	type MinValidators = ConstU32<4>;
	type MaxValidators = ConstU32<{ super::MAX_AUTHORITIES }>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Candidates;
}

/// Makes members, with session keys, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct Candidates;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_fund_voting::BenchmarkHelper<AccountId> for Candidates {
	fn make_member(who: &AccountId) {
		Membership::insert_member_for_benchmarks(who);
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for Candidates {
	fn make_candidate(who: &AccountId) {
		use codec::Decode;
		Membership::insert_member_for_benchmarks(who);
		let keys = crate::SessionKeys::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
			.unwrap_or_else(|_| panic!("session keys decode from zeroes"));
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
