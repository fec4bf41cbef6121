//! # Membership by guarantee
//!
//! A person joins the cooperative when at least [`Config::MinGuarantors`] members guarantee
//! them, each escrowing the guarantee quantum of the person's class. There is no other gate:
//! no admission vote, no operator. A guarantor answers for the protégé: "you brought them — you
//! vouch — you answer". This pallet keeps the guarantor graph; the money sits in escrow behind
//! [`Config::Escrow`], and complaints reach it through [`Config::Blocked`].
//!
//! ## Terms
//! - **Class**: a row of the class table, with a name, a **quantum** — the amount each
//!   guarantor escrows for a member of that class (the seed's 2100 / 100 / 10) — and an
//!   **admission fee**, which the general meeting sets per class (zero admits for free: "everyone
//!   who came in was admitted free of charge").
//! - **Guarantee**: an edge guarantor → protégé, backed by one quantum in escrow.
//! - **Application**: a candidate proposed by a member, gathering guarantees until the
//!   candidate has accepted, has enough of them and their class's fee is paid, or until it
//!   expires. Anyone may pay the fee ([`Pallet::pay_fee`]: the candidate, a guarantor, any
//!   member, a sponsor outside the cooperative — or the fund, by a spend to the candidate),
//!   before or after the acceptance; it waits in the pallet's account ([`Pallet::fee_account`])
//!   and reaches the common fund at the admission, or returns to its payer if the application
//!   closes. The application provides for the candidate's account, so the candidate may pay
//!   their fee with all they hold: no existential deposit on top.
//! - **Grace**: a member left with fewer than `MinGuarantors` guarantees has
//!   [`GracePeriod`] blocks to find another; otherwise the membership **lapses**.
//! - **Expulsion lasts**: an expelled account may not be proposed again for [`ReadmissionBar`]
//!   blocks ([`Barred`], [`Error::ExpulsionBar`]) unless the general meeting readmits it
//!   ([`Pallet::readmit`]); a lapse bars nobody.
//! - **Departure**: a membership ends by lapse or by expulsion. Every guarantee to the departed
//!   ends at once (its escrow goes home as far as their deals and cases do not need it); the
//!   guarantees they gave end in bounded pages, one page per block (or through
//!   [`Pallet::continue_departure`]), and their protégés enter grace.
//! - **Accused members**: while a complaint against a member is open, their grace clock stands
//!   still ([`MemberStatus::GracePaused`]) and nobody may propose or guarantee them; a former
//!   member is proposed again only once nothing of their former membership is settling (escrow,
//!   deals, cases), so that new guarantors never answer for an old membership.
//!
//! ## Calls
//! - The class origin ([`Config::ClassOrigin`]): [`Pallet::set_class`], [`Pallet::remove_class`],
//!   [`Pallet::set_safeguards`], [`Pallet::readmit`].
//! - Members in good standing: [`Pallet::propose`] a candidate, [`Pallet::guarantee`] a
//!   candidate or offer to guarantee a member, [`Pallet::revoke`] a guarantee or an offer.
//! - Protégés: [`Pallet::accept_guarantee`] an offer, [`Pallet::drop_guarantor`] a guarantor
//!   or an offer — a guarantee of a member needs their consent, and lasts only while they want
//!   it.
//! - Candidates: [`Pallet::accept`], [`Pallet::decline`].
//! - Anyone, member or not: [`Pallet::pay_fee`] of an application.
//! - Anyone: [`Pallet::expire_application`], [`Pallet::end_grace`],
//!   [`Pallet::continue_departure`] — the fallbacks for what the pallet does on its own in
//!   `on_initialize`.
//! - Other pallets: [`Pallet::expel`] (the complaints pallet), [`MembershipInspect`].
//!
//! ## Lifecycle
//! ```text
//!  propose ──► Application ──(≥ MinGuarantors guarantees, accepted, fee paid)──► Member::Active
//!                 │  └─ decline / expiry: every escrow released                 │    ▲
//!                 ▼                                                        revoke│    │guarantee
//!              (closed)                                                          ▼    │
//!                                          departed ◄──(grace ends)── Member::Grace ─┘
//!                          (lapsed: may apply again; expelled: after the readmission bar)
//! ```

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible,
		tokens::{Fortitude, Preservation},
		Get,
	},
	BoundedVec, PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{AccountIdConversion, One, Saturating, StaticLookup, Zero},
	DispatchResult,
};
use synergy_primitives::file_deadline;
pub use synergy_primitives::{
	BlockedInspect, ClassId, CommonFund, Electorate, EscrowStanding, Expel, GuaranteeEscrow,
	Inflow, MembershipInspect, OnAccusation, OnTopUpMissed,
};

pub use extension::{
	free_answer_validity, CheckMembership, RefusedCalls, NOT_A_MEMBER, TIP_ON_A_FREE_ANSWER,
};
pub use pallet::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

/// A balance of the currency the guarantees are escrowed in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A class as stored.
pub type ClassOf<T> = Class<BalanceOf<T>, <T as Config>::MaxClassNameLen>;
/// A member as stored.
pub type MemberOf<T> = MemberRecord<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxGuarantors,
>;
/// An application as stored.
pub type ApplicationOf<T> = Application<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	BalanceOf<T>,
	<T as Config>::MaxGuarantors,
>;
type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

const LOG_TARGET: &str = "runtime::membership";

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The version of the pallet's storage layout: every change of it comes with a migration
	/// (see [`crate::migrations`]) and a bump of this number.
	const STORAGE_VERSION: frame_support::traits::StorageVersion =
		frame_support::traits::StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency the guarantees are escrowed in.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// The escrow behind guarantees: holds each guarantor's quantum for a protégé.
		type Escrow: GuaranteeEscrow<Self::AccountId, BalanceOf<Self>>;

		/// Who is blocked by an open complaint.
		type Blocked: BlockedInspect<Self::AccountId>;

		/// The common fund, which receives the admission fee as a candidate becomes a member.
		type Fund: CommonFund<Self::AccountId, BalanceOf<Self>>;

		/// The pallet's id, whose account keeps the admission fees paid for open applications.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The highest admission fee a class may have: no motion can close the doors by price.
		#[pallet::constant]
		type MaxAdmissionFee: Get<BalanceOf<Self>>;

		/// Calls anyone may sign, member or not (a donation to the common fund, revenue paid into a
		/// project, a claim of what one earned there): every other call of a non-member is refused
		/// at the pool by [`CheckMembership`].
		type OpenToAll: frame_support::traits::Contains<<Self as frame_system::Config>::RuntimeCall>;

		/// Calls refused at the pool to particular members (see [`RefusedCalls`]).
		type Refused: RefusedCalls<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// Who may change the class table (the members' general meeting).
		type ClassOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The fewest guarantees a member may have outside a grace period.
		#[pallet::constant]
		type MinGuarantors: Get<u32>;

		/// The most guarantees one member or candidate may have.
		#[pallet::constant]
		type MaxGuarantors: Get<u32>;

		/// The most people (members and candidates) one member may guarantee.
		#[pallet::constant]
		type MaxProteges: Get<u32>;

		/// The most rows the class table may have.
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// The longest class name, in bytes.
		#[pallet::constant]
		type MaxClassNameLen: Get<u32>;

		/// How long an application stays open without being completed, unless genesis set
		/// [`ApplicationPeriod`] (development networks set a few blocks).
		#[pallet::constant]
		type DefaultApplicationPeriod: Get<BlockNumberFor<Self>>;

		/// How long a member left without enough guarantors has to find another, unless genesis
		/// set [`GracePeriod`].
		#[pallet::constant]
		type DefaultGracePeriod: Get<BlockNumberFor<Self>>;

		/// How long an expelled account may not be proposed again (unless the general meeting
		/// readmits it), unless genesis set [`ReadmissionBar`].
		#[pallet::constant]
		type DefaultReadmissionBar: Get<BlockNumberFor<Self>>;

		/// The most deadlines (expiries, grace ends) that may fall in one block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The most guarantees given by departed members that end in one block.
		#[pallet::constant]
		type DeparturePageSize: Get<u32>;

		/// The safeguards against sock puppets, unless genesis sets them.
		#[pallet::constant]
		type DefaultSafeguards: Get<Safeguards<BlockNumberFor<Self>>>;

		/// The lowest and the highest safeguards the general meeting may set, field by field:
		/// no motion can open the doors wide or shut them for good.
		#[pallet::constant]
		type SafeguardBounds: Get<(
			Safeguards<BlockNumberFor<Self>>,
			Safeguards<BlockNumberFor<Self>>,
		)>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// How long an application stays open without being completed.
	#[pallet::storage]
	pub type ApplicationPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultApplicationPeriod>;

	/// How long a member left without enough guarantors has to find another.
	#[pallet::storage]
	pub type GracePeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultGracePeriod>;

	/// How long an expelled account may not be proposed again.
	#[pallet::storage]
	pub type ReadmissionBar<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultReadmissionBar>;

	/// Expelled accounts, with the block until which nobody may propose them ("the scammers …
	/// were quickly expelled"; an expelled member may still act as a customer where the chain
	/// lets non-members act). Forgotten when they are proposed after it, or readmitted.
	#[pallet::storage]
	pub type Barred<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// The class table.
	#[pallet::storage]
	pub type Classes<T: Config> = CountedStorageMap<_, Twox64Concat, ClassId, ClassOf<T>>;

	/// How many members and open applications each class has: a class in use cannot be
	/// removed.
	#[pallet::storage]
	pub type ClassUsers<T: Config> = StorageMap<_, Twox64Concat, ClassId, u32, ValueQuery>;

	/// The members. Keys are accounts chosen by users: hashed with `Blake2_128Concat`.
	#[pallet::storage]
	pub type Members<T: Config> = CountedStorageMap<_, Blake2_128Concat, T::AccountId, MemberOf<T>>;

	/// Every guarantee by its guarantor: (guarantor, protégé) → the block it began in. The
	/// protégé is a member or a candidate. The reverse of `Member::guarantors` and
	/// `Application::guarantors`.
	#[pallet::storage]
	pub type Proteges<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Open applications, by candidate.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ApplicationOf<T>>;

	/// The deadlines that fall due in each block, processed in `on_initialize`.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<Deadline<T::AccountId>, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// The membership number the next admitted member gets.
	#[pallet::storage]
	pub type NextMemberNumber<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Departed members whose guarantees to others are still being ended, with how many
	/// remain.
	#[pallet::storage]
	pub type Departing<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

	/// Guarantees offered to members, waiting for the protégé's consent
	/// ([`Pallet::accept_guarantee`]): nobody is guaranteed — and so given a panel — without it.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxGuarantors>,
		ValueQuery,
	>;

	/// The safeguards against sock puppets in force.
	#[pallet::storage]
	pub type CurrentSafeguards<T: Config> =
		StorageValue<_, Safeguards<BlockNumberFor<T>>, ValueQuery, T::DefaultSafeguards>;

	/// How many guarantees each member gave in the current admission period (forgotten when
	/// they depart).
	#[pallet::storage]
	pub type GivenThisPeriod<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PeriodCount, ValueQuery>;

	/// How many applications the cooperative opened in the current admission period.
	#[pallet::storage]
	pub type OpenedThisPeriod<T: Config> = StorageValue<_, PeriodCount, ValueQuery>;

	/// The members by membership number, while they are members: the order in which they
	/// come of voting age.
	#[pallet::storage]
	pub type MemberNumbers<T: Config> = StorageMap<_, Twox64Concat, u32, T::AccountId>;

	/// The general meeting's electorate: every member numbered below `below` has reached the
	/// voting age, and `count` of them are members still. Advanced in `on_initialize`.
	#[pallet::storage]
	pub type Seniors<T: Config> = StorageValue<_, Electorate, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The class table: (id, name, quantum, admission fee).
		pub classes: Vec<(ClassId, alloc::string::String, BalanceOf<T>, BalanceOf<T>)>,
		/// The founders: (account, class, guarantors). Every guarantor must be a founder, and
		/// every founder needs at least `MinGuarantors` guarantors; each guarantee escrows the
		/// founder's class quantum from the guarantor.
		pub founders: Vec<(T::AccountId, ClassId, Vec<T::AccountId>)>,
		/// The application period; zero keeps [`Config::DefaultApplicationPeriod`].
		pub application_period: BlockNumberFor<T>,
		/// The grace period; zero keeps [`Config::DefaultGracePeriod`].
		pub grace_period: BlockNumberFor<T>,
		/// The safeguards against sock puppets; `None` keeps [`Config::DefaultSafeguards`].
		pub safeguards: Option<Safeguards<BlockNumberFor<T>>>,
		/// The readmission bar; zero keeps [`Config::DefaultReadmissionBar`].
		pub readmission_bar: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis is checked once, by whoever builds the chain spec: an invalid founding
			// set must stop the build with the reason rather than start a broken chain.
			#![allow(clippy::expect_used, clippy::panic)]
			if !self.application_period.is_zero() {
				ApplicationPeriod::<T>::put(self.application_period);
			}
			if !self.grace_period.is_zero() {
				GracePeriod::<T>::put(self.grace_period);
			}
			if !self.readmission_bar.is_zero() {
				ReadmissionBar::<T>::put(self.readmission_bar);
			}
			if let Some(safeguards) = &self.safeguards {
				let (min, max) = T::SafeguardBounds::get();
				assert!(safeguards.within(&min, &max), "safeguards out of the runtime's bounds");
				CurrentSafeguards::<T>::put(safeguards);
			}
			for (id, name, quantum, fee) in &self.classes {
				let name =
					BoundedVec::try_from(name.clone().into_bytes()).expect("class name too long");
				assert!(!quantum.is_zero(), "class {id} has a zero quantum");
				assert!(Pallet::<T>::valid_fee(*fee), "class {id}'s fee is out of bounds");
				Classes::<T>::insert(id, Class { name, quantum: *quantum, fee: *fee });
			}
			assert!(Classes::<T>::count() <= T::MaxClasses::get(), "too many classes");
			let founders: Vec<&T::AccountId> = self.founders.iter().map(|f| &f.0).collect();
			for (founder, class, guarantors) in &self.founders {
				let quantum =
					Classes::<T>::get(class).expect("founder of an unknown class").quantum;
				assert!(
					guarantors.len() as u32 >= T::MinGuarantors::get(),
					"a founder has fewer than MinGuarantors guarantors"
				);
				let bounded =
					BoundedVec::try_from(guarantors.clone()).expect("too many guarantors");
				for guarantor in guarantors {
					assert!(founders.contains(&guarantor), "a guarantor is not a founder");
					assert!(guarantor != founder, "a founder guarantees themselves");
					T::Escrow::lock(guarantor, founder, quantum).expect("guarantor cannot escrow");
					Proteges::<T>::insert(guarantor, founder, BlockNumberFor::<T>::zero());
				}
				frame_system::Pallet::<T>::inc_providers(founder);
				ClassUsers::<T>::mutate(class, |n| *n = n.saturating_add(1));
				let number = Pallet::<T>::take_member_number();
				MemberNumbers::<T>::insert(number, founder);
				Members::<T>::insert(
					founder,
					MemberRecord {
						class: *class,
						number,
						since: Zero::zero(),
						status: MemberStatus::Active,
						guarantors: bounded,
						proteges: 0,
					},
				);
			}
			// The founders vote from the first block.
			Seniors::<T>::put(Electorate {
				below: NextMemberNumber::<T>::get(),
				count: self.founders.len() as u32,
			});
			for guarantor in self.founders.iter().flat_map(|(_, _, guarantors)| guarantors) {
				Members::<T>::mutate(guarantor, |m| {
					let m = m.as_mut().expect("guarantors are founders");
					m.proteges = m.proteges.saturating_add(1);
					assert!(m.proteges <= <T as Config>::MaxProteges::get(), "too many protégés");
				});
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A class was added or changed.
		ClassSet { class: ClassId, quantum: BalanceOf<T>, fee: BalanceOf<T> },
		/// A class was removed.
		ClassRemoved { class: ClassId },
		/// A member proposed a candidate, guaranteeing them.
		ApplicationOpened {
			candidate: T::AccountId,
			class: ClassId,
			guarantor: T::AccountId,
			expires_at: BlockNumberFor<T>,
		},
		/// A member added a guarantee to a candidate's application.
		ApplicationGuaranteed { candidate: T::AccountId, guarantor: T::AccountId },
		/// The candidate accepted their application.
		ApplicationAccepted { candidate: T::AccountId },
		/// `payer` paid the admission fee of `candidate`'s application: it waits in the
		/// pallet's account until the admission.
		AdmissionFeePaid { candidate: T::AccountId, payer: T::AccountId, amount: BalanceOf<T> },
		/// The application closed without an admission: the fee went back to its payer.
		AdmissionFeeRefunded { candidate: T::AccountId, payer: T::AccountId, amount: BalanceOf<T> },
		/// The candidate declined; every guarantee was released.
		ApplicationDeclined { candidate: T::AccountId },
		/// The application expired incomplete; every guarantee was released.
		ApplicationExpired { candidate: T::AccountId },
		/// The candidate became a member.
		MemberAdmitted { member: T::AccountId, class: ClassId, guarantors: Vec<T::AccountId> },
		/// A member accepted another member's guarantee.
		MemberGuaranteed { member: T::AccountId, guarantor: T::AccountId },
		/// A member offered to guarantee another member, who must accept it.
		GuaranteeOffered { member: T::AccountId, guarantor: T::AccountId },
		/// An offered guarantee was withdrawn by its guarantor or declined by the member.
		OfferWithdrawn { member: T::AccountId, guarantor: T::AccountId },
		/// A protégé dropped a guarantor: the guarantee ended, its escrow released as far as the
		/// protégé's deals and cases allow.
		GuarantorDropped { protege: T::AccountId, guarantor: T::AccountId },
		/// A guarantor revoked a guarantee; its escrow was released.
		GuaranteeRevoked { guarantor: T::AccountId, protege: T::AccountId },
		/// A guarantee ended because one side departed; its escrow was released.
		GuaranteeEnded { guarantor: T::AccountId, protege: T::AccountId },
		/// A guarantor who refused to answer for their protégé in a complaint lost the
		/// guarantee (the complaints pallet's rule); its escrow stays held as far as the
		/// protégé's deals and cases need it.
		GuaranteeForfeited { guarantor: T::AccountId, protege: T::AccountId },
		/// A member was left with too few guarantors and must find another by `until`.
		GraceStarted { member: T::AccountId, until: BlockNumberFor<T> },
		/// A member in grace found enough guarantors again.
		GraceEnded { member: T::AccountId },
		/// A member in grace is accused: their grace clock stands still with `left` blocks.
		GracePaused { member: T::AccountId, left: BlockNumberFor<T> },
		/// An accused member's last case closed: their grace clock runs again, to `until`.
		GraceResumed { member: T::AccountId, until: BlockNumberFor<T> },
		/// A membership ended.
		MemberDeparted { member: T::AccountId, reason: Departure },
		/// Every guarantee a departed member gave has ended.
		DepartureCompleted { member: T::AccountId },
		/// The general meeting set the safeguards against sock puppets.
		SafeguardsSet { safeguards: Safeguards<BlockNumberFor<T>> },
		/// A member reached the voting age: proposals opened from now on count them.
		CameOfAge { member: T::AccountId, number: u32 },
		/// An expelled account may not be proposed again until `until`.
		Barred { who: T::AccountId, until: BlockNumberFor<T> },
		/// The general meeting lifted an expelled account's bar.
		Readmitted { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No class has this id.
		UnknownClass,
		/// The class table is full.
		TooManyClasses,
		/// A class's quantum must be above zero.
		ZeroQuantum,
		/// A class's admission fee must be zero, or at least the existential deposit (so that a
		/// refund can always reach its payer) and at most [`Config::MaxAdmissionFee`].
		FeeOutOfBounds,
		/// The application's class charges no admission fee.
		NoFeeDue,
		/// The application's admission fee is already paid.
		FeeAlreadyPaid,
		/// The payer cannot pay the admission fee from what they hold (a payer other than the
		/// candidate keeps the existential deposit).
		CannotPayFee,
		/// The class still has members or open applications.
		ClassInUse,
		/// The account is not a member.
		NotMember,
		/// The account is blocked by an open complaint.
		Blocked,
		/// The account is already a member.
		AlreadyMember,
		/// The account already has an open application.
		ApplicationExists,
		/// The account has no open application.
		NoApplication,
		/// A member cannot guarantee themselves.
		CannotGuaranteeSelf,
		/// The guarantor already guarantees this person.
		AlreadyGuaranteed,
		/// The person already has the most guarantors allowed.
		TooManyGuarantors,
		/// The guarantor already guarantees the most people allowed.
		TooManyProteges,
		/// The candidate has already accepted.
		AlreadyAccepted,
		/// The caller does not guarantee this person.
		NotGuarantor,
		/// The member is not in a grace period.
		NotInGrace,
		/// The grace period has not ended yet.
		GraceNotOver,
		/// The application has not expired yet.
		ApplicationNotExpired,
		/// Every block the deadline could fall in is already full; try again later.
		TooManyDeadlines,
		/// The account is not a departed member with guarantees still to end.
		NotDeparting,
		/// The guarantees this former member gave are still ending; apply again afterwards.
		DepartureInProgress,
		/// The guarantee is under review by an open complaint case, on whose panel the
		/// guarantor sits: it cannot be revoked until the case closes.
		UnderReview,
		/// Something of this account's former membership is still settling (escrow behind
		/// them, deals open or still open to complaints, a case): propose them again once it
		/// has.
		FormerMembershipSettling,
		/// The guarantor has given the most guarantees one member may give in an admission
		/// period ([`Safeguards::per_guarantor`]); try again in the next.
		GuaranteeLimitReached,
		/// The cooperative has opened the most applications it may open in an admission period
		/// ([`Safeguards::growth`]); try again in the next.
		GrowthLimitReached,
		/// A safeguard lies outside the runtime's bounds ([`Config::SafeguardBounds`]).
		SafeguardsOutOfBounds,
		/// The guarantor already offered to guarantee this member.
		AlreadyOffered,
		/// The member has as many guarantees offered as they may have guarantors.
		TooManyOffers,
		/// No guarantee of this guarantor was offered to the caller, nor do they guarantee them.
		NoOffer,
		/// The account was expelled and may not be proposed again yet ([`Barred`]).
		ExpulsionBar,
		/// The account is not barred.
		NotBarred,
		/// The guarantor is banned from guaranteeing: too many upheld complaints against their
		/// protégés, or too many panels let pass, within the record window.
		BannedFromGuaranteeing,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let deadlines = Deadlines::<T>::take(now);
			let due = deadlines.len() as u32;
			for deadline in deadlines {
				match deadline {
					Deadline::ApplicationExpiry(candidate) => {
						let _ = Self::do_expire_application(&candidate, now);
					},
					Deadline::GraceEnd(member) => {
						let _ = Self::do_end_grace(&member, now);
					},
				}
			}
			let ended = Self::advance_departures(T::DeparturePageSize::get());
			let aged = Self::advance_seniority(now, T::MaxDeadlinesPerBlock::get());
			// A member coming of age reads two records and writes one: less than a deadline,
			// whose measured cost upper-bounds it.
			T::WeightInfo::on_initialize(due.saturating_add(aged), ended)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds a class to the table or changes one: its name, the quantum each guarantor
		/// escrows and the admission fee (zero, or from the existential deposit to
		/// [`Config::MaxAdmissionFee`]). A new
		/// quantum applies to guarantees given afterwards, a new fee to applications opened
		/// afterwards; what is already held or due stays as it is.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_class())]
		pub fn set_class(
			origin: OriginFor<T>,
			class: ClassId,
			name: BoundedVec<u8, T::MaxClassNameLen>,
			quantum: BalanceOf<T>,
			fee: BalanceOf<T>,
		) -> DispatchResult {
			T::ClassOrigin::ensure_origin(origin)?;
			ensure!(!quantum.is_zero(), Error::<T>::ZeroQuantum);
			ensure!(Self::valid_fee(fee), Error::<T>::FeeOutOfBounds);
			ensure!(
				Classes::<T>::contains_key(class) || Classes::<T>::count() < T::MaxClasses::get(),
				Error::<T>::TooManyClasses
			);
			Classes::<T>::insert(class, Class { name, quantum, fee });
			Self::deposit_event(Event::ClassSet { class, quantum, fee });
			Ok(())
		}

		/// Removes a class that no member or open application uses.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_class())]
		pub fn remove_class(origin: OriginFor<T>, class: ClassId) -> DispatchResult {
			T::ClassOrigin::ensure_origin(origin)?;
			ensure!(Classes::<T>::contains_key(class), Error::<T>::UnknownClass);
			ensure!(ClassUsers::<T>::get(class) == 0, Error::<T>::ClassInUse);
			Classes::<T>::remove(class);
			Self::deposit_event(Event::ClassRemoved { class });
			Ok(())
		}

		/// Proposes `candidate` for membership in `class`: opens their application with the
		/// caller's guarantee, escrowing the class quantum from the caller's free balance.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			candidate: AccountIdLookupOf<T>,
			class: ClassId,
		) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			let candidate = T::Lookup::lookup(candidate)?;
			let mut sponsor = Self::guarantor_in_good_standing(&guarantor, &candidate)?;
			ensure!(!Members::<T>::contains_key(&candidate), Error::<T>::AlreadyMember);
			ensure!(!Applications::<T>::contains_key(&candidate), Error::<T>::ApplicationExists);
			if let Some(until) = Barred::<T>::get(&candidate) {
				ensure!(
					until <= frame_system::Pallet::<T>::block_number(),
					Error::<T>::ExpulsionBar
				);
				Barred::<T>::remove(&candidate);
			}
			ensure!(!Departing::<T>::contains_key(&candidate), Error::<T>::DepartureInProgress);
			ensure!(!T::Blocked::is_blocked(&candidate), Error::<T>::Blocked);
			ensure!(!T::Escrow::has_commitments(&candidate), Error::<T>::FormerMembershipSettling);
			let Class { quantum, fee, .. } =
				Classes::<T>::get(class).ok_or(Error::<T>::UnknownClass)?;

			let now = frame_system::Pallet::<T>::block_number();
			Self::count_application(now)?;
			Self::count_guarantee(&guarantor, now)?;
			let expires_at = Self::schedule(
				now.saturating_add(ApplicationPeriod::<T>::get()),
				Deadline::ApplicationExpiry(candidate.clone()),
			)?;
			T::Escrow::lock(&guarantor, &candidate, quantum)?;

			let mut guarantors = BoundedVec::new();
			guarantors.try_push(guarantor.clone()).map_err(|_| Error::<T>::TooManyGuarantors)?;
			Applications::<T>::insert(
				&candidate,
				Application {
					class,
					guarantors,
					accepted: false,
					expires_at,
					fee,
					fee_paid_by: None,
				},
			);
			sponsor.proteges.saturating_inc();
			Members::<T>::insert(&guarantor, sponsor);
			Proteges::<T>::insert(&guarantor, &candidate, now);
			ClassUsers::<T>::mutate(class, |n| n.saturating_inc());
			// The application provides for the candidate's account, so that a candidate holding
			// nothing can still sign their acceptance.
			frame_system::Pallet::<T>::inc_providers(&candidate);

			Self::deposit_event(Event::ApplicationOpened {
				candidate,
				class,
				guarantor,
				expires_at,
			});
			Ok(())
		}

		/// Guarantees `person`: a candidate with an open application (whose acceptance covers
		/// it; they may still drop it), escrowing the quantum of their class from the caller; or
		/// offers to guarantee a member (for instance one in grace), who must consent with
		/// [`Pallet::accept_guarantee`] — nobody is given a guarantor, and so a panel, against
		/// their will. Either counts against the caller's guarantees of the admission period.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::guarantee_application().max(T::WeightInfo::guarantee_member()))]
		pub fn guarantee(
			origin: OriginFor<T>,
			person: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			let guarantor = ensure_signed(origin)?;
			let person = T::Lookup::lookup(person)?;
			let sponsor = Self::guarantor_in_good_standing(&guarantor, &person)?;
			ensure!(
				!Proteges::<T>::contains_key(&guarantor, &person),
				Error::<T>::AlreadyGuaranteed
			);
			Self::count_guarantee(&guarantor, frame_system::Pallet::<T>::block_number())?;

			if let Some(mut application) = Applications::<T>::get(&person) {
				Self::add_guarantee(&guarantor, sponsor, &person, application.class, |g| {
					application.guarantors.try_push(g)
				})?;
				Self::deposit_event(Event::ApplicationGuaranteed {
					candidate: person.clone(),
					guarantor,
				});
				Self::admit_if_complete(person, application)?;
				Ok(Some(T::WeightInfo::guarantee_application()).into())
			} else {
				ensure!(Members::<T>::contains_key(&person), Error::<T>::NotMember);
				Offers::<T>::try_mutate(&person, |offers| {
					ensure!(!offers.contains(&guarantor), Error::<T>::AlreadyOffered);
					offers.try_push(guarantor.clone()).map_err(|_| Error::<T>::TooManyOffers)
				})?;
				Self::deposit_event(Event::GuaranteeOffered { member: person, guarantor });
				// An offer writes one list: less than a guarantee of a member.
				Ok(Some(T::WeightInfo::guarantee_member()).into())
			}
		}

		/// Member `protege`'s consent to `guarantor`'s offered guarantee: the guarantee starts,
		/// escrowing the quantum of the caller's class from the guarantor (for instance to end a
		/// grace period).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::accept_guarantee())]
		pub fn accept_guarantee(
			origin: OriginFor<T>,
			guarantor: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let person = ensure_signed(origin)?;
			let guarantor = T::Lookup::lookup(guarantor)?;
			let mut offers = Offers::<T>::get(&person);
			let position =
				offers.iter().position(|g| g == &guarantor).ok_or(Error::<T>::NoOffer)?;
			let mut member = Members::<T>::get(&person).ok_or(Error::<T>::NotMember)?;
			let sponsor = Self::guarantor_in_good_standing(&guarantor, &person)?;
			ensure!(
				!Proteges::<T>::contains_key(&guarantor, &person),
				Error::<T>::AlreadyGuaranteed
			);
			offers.remove(position);
			Self::add_guarantee(&guarantor, sponsor, &person, member.class, |g| {
				member.guarantors.try_push(g)
			})?;
			Self::store_offers(&person, offers);
			let back_in_good_standing = matches!(member.status, MemberStatus::Grace { .. })
				&& member.guarantors.len() as u32 >= T::MinGuarantors::get();
			if back_in_good_standing {
				member.status = MemberStatus::Active;
			}
			Members::<T>::insert(&person, member);
			Self::deposit_event(Event::MemberGuaranteed { member: person.clone(), guarantor });
			if back_in_good_standing {
				Self::deposit_event(Event::GraceEnded { member: person });
			}
			Ok(())
		}

		/// The protégé ends a guarantee of theirs (or declines an offered one): a member may drop
		/// a guarantor they no longer trust to sit on their panels. The escrow behind them stays
		/// held as far as their deals and cases need it (the escrow pallet's rule for every
		/// guarantee that ends); refused while either of them is blocked or the guarantee is
		/// under review. Left short of guarantors, the protégé enters grace.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::drop_guarantor())]
		pub fn drop_guarantor(
			origin: OriginFor<T>,
			guarantor: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let protege = ensure_signed(origin)?;
			let guarantor = T::Lookup::lookup(guarantor)?;
			let mut offers = Offers::<T>::get(&protege);
			if let Some(position) = offers.iter().position(|g| g == &guarantor) {
				offers.remove(position);
				Self::store_offers(&protege, offers);
				Self::deposit_event(Event::OfferWithdrawn { member: protege, guarantor });
				return Ok(());
			}
			let mut member = Members::<T>::get(&protege).ok_or(Error::<T>::NotMember)?;
			ensure!(member.guarantors.contains(&guarantor), Error::<T>::NoOffer);
			ensure!(
				!T::Blocked::is_blocked(&guarantor) && !T::Blocked::is_blocked(&protege),
				Error::<T>::Blocked
			);
			ensure!(!T::Blocked::is_under_review(&guarantor, &protege), Error::<T>::UnderReview);
			Self::end_guarantee(&guarantor, &protege);
			Self::deposit_event(Event::GuarantorDropped {
				protege: protege.clone(),
				guarantor: guarantor.clone(),
			});
			Self::lose_guarantor(&protege, &mut member, &guarantor);
			Members::<T>::insert(&protege, member);
			Ok(())
		}

		/// The candidate accepts their application. With enough guarantees and the admission fee
		/// paid they become a member at once; otherwise as soon as the last of them arrives — an
		/// acceptance never waits for the fee, nor fails for want of it. Free of fees for a
		/// pending candidate: it works from an account holding nothing.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept())]
		pub fn accept(origin: OriginFor<T>) -> DispatchResult {
			let candidate = ensure_signed(origin)?;
			let mut application =
				Applications::<T>::get(&candidate).ok_or(Error::<T>::NoApplication)?;
			ensure!(!application.accepted, Error::<T>::AlreadyAccepted);
			application.accepted = true;
			Self::deposit_event(Event::ApplicationAccepted { candidate: candidate.clone() });
			Self::admit_if_complete(candidate, application)
		}

		/// Pays the admission fee of `candidate`'s application: the caller may be the candidate,
		/// a guarantor, any member or anyone outside the cooperative. The fee waits in the
		/// pallet's account; with the application otherwise complete the candidate is admitted
		/// at once and the fee goes to the common fund; if the application closes without an
		/// admission it returns to the payer. The candidate may pay with all they hold (the
		/// application provides for their account); anyone else keeps the existential deposit.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::pay_fee())]
		pub fn pay_fee(origin: OriginFor<T>, candidate: AccountIdLookupOf<T>) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			let candidate = T::Lookup::lookup(candidate)?;
			let mut application =
				Applications::<T>::get(&candidate).ok_or(Error::<T>::NoApplication)?;
			ensure!(!application.fee.is_zero(), Error::<T>::NoFeeDue);
			ensure!(application.fee_paid_by.is_none(), Error::<T>::FeeAlreadyPaid);
			let preservation =
				if payer == candidate { Preservation::Expendable } else { Preservation::Preserve };
			<T::Currency as fungible::Mutate<_>>::transfer(
				&payer,
				&Self::fee_account(),
				application.fee,
				preservation,
			)
			.map_err(|_| Error::<T>::CannotPayFee)?;
			application.fee_paid_by = Some(payer.clone());
			Self::deposit_event(Event::AdmissionFeePaid {
				candidate: candidate.clone(),
				payer,
				amount: application.fee,
			});
			Self::admit_if_complete(candidate, application)
		}

		/// The candidate declines their application: every guarantee is released.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decline())]
		pub fn decline(origin: OriginFor<T>) -> DispatchResult {
			let candidate = ensure_signed(origin)?;
			let application =
				Applications::<T>::take(&candidate).ok_or(Error::<T>::NoApplication)?;
			Self::close_application(&candidate, application);
			Self::deposit_event(Event::ApplicationDeclined { candidate });
			Ok(())
		}

		/// Revokes the caller's guarantee of member `protege` and releases its escrow. Refused
		/// while either of them is blocked by a complaint, or while the escrow is frozen or
		/// committed to open insured deals. A protégé left with too few guarantors enters grace.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, protege: AccountIdLookupOf<T>) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			let protege = T::Lookup::lookup(protege)?;
			let mut offers = Offers::<T>::get(&protege);
			if let Some(position) = offers.iter().position(|g| g == &guarantor) {
				offers.remove(position);
				Self::store_offers(&protege, offers);
				Self::deposit_event(Event::OfferWithdrawn { member: protege, guarantor });
				return Ok(());
			}
			let mut member = Members::<T>::get(&protege).ok_or(Error::<T>::NotMember)?;
			let position = member
				.guarantors
				.iter()
				.position(|g| g == &guarantor)
				.ok_or(Error::<T>::NotGuarantor)?;
			ensure!(
				!T::Blocked::is_blocked(&guarantor) && !T::Blocked::is_blocked(&protege),
				Error::<T>::Blocked
			);
			ensure!(!T::Blocked::is_under_review(&guarantor, &protege), Error::<T>::UnderReview);
			T::Escrow::ensure_releasable(&guarantor, &protege)?;
			let grace_until = Self::schedule_grace_if_short(&protege, &member, 1)?;

			T::Escrow::release(&guarantor, &protege)?;
			member.guarantors.remove(position);
			Proteges::<T>::remove(&guarantor, &protege);
			Members::<T>::mutate(&guarantor, |g| {
				if let Some(g) = g {
					g.proteges.saturating_dec();
				}
			});
			Self::deposit_event(Event::GuaranteeRevoked { guarantor, protege: protege.clone() });
			if let Some(until) = grace_until {
				member.status = MemberStatus::Grace { until };
				Self::deposit_event(Event::GraceStarted { member: protege.clone(), until });
			}
			Members::<T>::insert(&protege, member);
			Ok(())
		}

		/// Expires `candidate`'s application once its period has passed. The pallet does this
		/// on its own when the block comes; anyone may call it as a fallback.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::expire_application())]
		pub fn expire_application(
			origin: OriginFor<T>,
			candidate: AccountIdLookupOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let candidate = T::Lookup::lookup(candidate)?;
			Self::do_expire_application(&candidate, frame_system::Pallet::<T>::block_number())
		}

		/// Ends `member`'s grace period once it has passed: the membership lapses. The pallet
		/// does this on its own when the block comes; anyone may call it as a fallback.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::end_grace())]
		pub fn end_grace(origin: OriginFor<T>, member: AccountIdLookupOf<T>) -> DispatchResult {
			ensure_signed(origin)?;
			let member = T::Lookup::lookup(member)?;
			Self::do_end_grace(&member, frame_system::Pallet::<T>::block_number())
		}

		/// Ends up to `max` of the guarantees a departed member gave. The pallet does this on its
		/// own, a page per block; anyone may call it to go faster.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::continue_departure(*max))]
		pub fn continue_departure(
			origin: OriginFor<T>,
			departed: AccountIdLookupOf<T>,
			max: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let departed = T::Lookup::lookup(departed)?;
			ensure!(Departing::<T>::contains_key(&departed), Error::<T>::NotDeparting);
			let max = max.min(T::MaxProteges::get());
			let ended = Self::end_guarantees_given(&departed, max);
			Ok(Some(T::WeightInfo::continue_departure(ended)).into())
		}

		/// Lifts the bar on expelled account `who` (the class origin: the general meeting): they
		/// may be proposed again at once.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::readmit())]
		pub fn readmit(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::ClassOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Barred::<T>::take(&who).ok_or(Error::<T>::NotBarred)?;
			Self::deposit_event(Event::Readmitted { who });
			Ok(())
		}

		/// Sets the safeguards against sock puppets (the class origin: the general meeting),
		/// within [`Config::SafeguardBounds`]. Counts already made in the current admission
		/// period stay; a longer voting age applies to members not yet of age.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_safeguards())]
		pub fn set_safeguards(
			origin: OriginFor<T>,
			safeguards: Safeguards<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ClassOrigin::ensure_origin(origin)?;
			let (min, max) = T::SafeguardBounds::get();
			ensure!(safeguards.within(&min, &max), Error::<T>::SafeguardsOutOfBounds);
			CurrentSafeguards::<T>::put(safeguards);
			Self::deposit_event(Event::SafeguardsSet { safeguards });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The guarantor's record, if they may guarantee `person`: a member, neither of them
	/// blocked, not themselves, with room for one more protégé.
	fn guarantor_in_good_standing(
		guarantor: &T::AccountId,
		person: &T::AccountId,
	) -> Result<MemberOf<T>, DispatchError> {
		let sponsor = Members::<T>::get(guarantor).ok_or(Error::<T>::NotMember)?;
		ensure!(!T::Blocked::is_blocked(guarantor), Error::<T>::Blocked);
		ensure!(!T::Blocked::is_banned(guarantor), Error::<T>::BannedFromGuaranteeing);
		ensure!(!T::Blocked::is_blocked(person), Error::<T>::Blocked);
		ensure!(guarantor != person, Error::<T>::CannotGuaranteeSelf);
		ensure!(sponsor.proteges < T::MaxProteges::get(), Error::<T>::TooManyProteges);
		Ok(sponsor)
	}

	fn store_offers(who: &T::AccountId, offers: BoundedVec<T::AccountId, T::MaxGuarantors>) {
		if offers.is_empty() {
			Offers::<T>::remove(who);
		} else {
			Offers::<T>::insert(who, offers);
		}
	}

	/// The admission period `now` falls in.
	fn period_at(now: BlockNumberFor<T>, safeguards: &Safeguards<BlockNumberFor<T>>) -> u32 {
		use sp_runtime::SaturatedConversion;
		let period = safeguards.period.max(One::one());
		(now / period).saturated_into::<u32>()
	}

	/// `who`'s count of guarantees given in the admission period `now` falls in (afresh when a
	/// new period began), and how many one member may give in it.
	fn guarantees_this_period(who: &T::AccountId, now: BlockNumberFor<T>) -> (PeriodCount, u32) {
		let safeguards = CurrentSafeguards::<T>::get();
		let period = Self::period_at(now, &safeguards);
		let mut given = GivenThisPeriod::<T>::get(who);
		if given.period != period {
			given = PeriodCount { period, count: 0, base: 0 };
		}
		(given, safeguards.per_guarantor)
	}

	/// The cooperative's count of applications opened in the admission period `now` falls in
	/// (afresh when a new period began, based on today's members), and how many it allows:
	/// [`Safeguards::growth`] of the members, at least [`Safeguards::growth_floor`].
	fn applications_this_period(now: BlockNumberFor<T>) -> (PeriodCount, u32) {
		let safeguards = CurrentSafeguards::<T>::get();
		let period = Self::period_at(now, &safeguards);
		let mut opened = OpenedThisPeriod::<T>::get();
		if opened.period != period || opened.base == 0 {
			opened = PeriodCount { period, count: 0, base: Members::<T>::count().max(1) };
		}
		let allowed = (safeguards.growth * opened.base).max(safeguards.growth_floor);
		(opened, allowed)
	}

	/// Counts one more guarantee given by `guarantor` in this admission period, refusing it
	/// beyond [`Safeguards::per_guarantor`].
	fn count_guarantee(guarantor: &T::AccountId, now: BlockNumberFor<T>) -> DispatchResult {
		let (mut given, allowed) = Self::guarantees_this_period(guarantor, now);
		ensure!(given.count < allowed, Error::<T>::GuaranteeLimitReached);
		given.count.saturating_inc();
		GivenThisPeriod::<T>::insert(guarantor, given);
		Ok(())
	}

	/// Counts one more application opened in this admission period, refusing it beyond what
	/// the cooperative's growth allows.
	fn count_application(now: BlockNumberFor<T>) -> DispatchResult {
		let (mut opened, allowed) = Self::applications_this_period(now);
		ensure!(opened.count < allowed, Error::<T>::GrowthLimitReached);
		opened.count.saturating_inc();
		OpenedThisPeriod::<T>::put(opened);
		Ok(())
	}

	/// How many applications may still open in this admission period.
	pub fn applications_left(now: BlockNumberFor<T>) -> u32 {
		let (opened, allowed) = Self::applications_this_period(now);
		allowed.saturating_sub(opened.count)
	}

	/// How many guarantees `who` may still give in this admission period.
	pub fn guarantees_left(who: &T::AccountId, now: BlockNumberFor<T>) -> u32 {
		let (given, allowed) = Self::guarantees_this_period(who, now);
		allowed.saturating_sub(given.count)
	}

	/// Brings up to `max` members, in membership order, into the general meeting's electorate
	/// once they have reached the voting age; skips the numbers of departed members. Returns
	/// how many numbers it passed.
	fn advance_seniority(now: BlockNumberFor<T>, max: u32) -> u32 {
		let voting_age = CurrentSafeguards::<T>::get().voting_age;
		let next = NextMemberNumber::<T>::get();
		let mut seniors = Seniors::<T>::get();
		let mut passed = 0u32;
		while passed < max && seniors.below < next {
			if let Some(member) = MemberNumbers::<T>::get(seniors.below) {
				let Some(record) = Members::<T>::get(&member) else { break };
				if record.since.saturating_add(voting_age) > now {
					break;
				}
				seniors.count.saturating_inc();
				Self::deposit_event(Event::CameOfAge { member, number: seniors.below });
			}
			seniors.below.saturating_inc();
			passed.saturating_inc();
		}
		if passed > 0 {
			Seniors::<T>::put(seniors);
		}
		passed
	}

	fn quantum_of(class: ClassId) -> Result<BalanceOf<T>, DispatchError> {
		Ok(Classes::<T>::get(class).ok_or(Error::<T>::UnknownClass)?.quantum)
	}

	/// Records `guarantor`'s guarantee of `person` (of `class`): `push` adds the guarantor to
	/// the person's list (failing when it is full), the class quantum is escrowed, and the
	/// guarantor's protégé count and list grow. The caller stores the person's record.
	fn add_guarantee(
		guarantor: &T::AccountId,
		mut sponsor: MemberOf<T>,
		person: &T::AccountId,
		class: ClassId,
		push: impl FnOnce(T::AccountId) -> Result<(), T::AccountId>,
	) -> DispatchResult {
		let quantum = Self::quantum_of(class)?;
		push(guarantor.clone()).map_err(|_| Error::<T>::TooManyGuarantors)?;
		T::Escrow::lock(guarantor, person, quantum)?;
		sponsor.proteges.saturating_inc();
		Members::<T>::insert(guarantor, sponsor);
		Proteges::<T>::insert(guarantor, person, frame_system::Pallet::<T>::block_number());
		Ok(())
	}

	/// Files `deadline` at the first block from `at` with room for it.
	fn schedule(
		at: BlockNumberFor<T>,
		deadline: Deadline<T::AccountId>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		file_deadline::<Deadlines<T>, _, _, _>(at, deadline)
			.ok_or_else(|| Error::<T>::TooManyDeadlines.into())
	}

	/// When losing `losing` guarantees leaves active member `who` short of `MinGuarantors`,
	/// schedules the end of their grace and returns its block; otherwise `None`.
	fn schedule_grace_if_short(
		who: &T::AccountId,
		member: &MemberOf<T>,
		losing: u32,
	) -> Result<Option<BlockNumberFor<T>>, DispatchError> {
		let left = (member.guarantors.len() as u32).saturating_sub(losing);
		if left >= T::MinGuarantors::get() || !matches!(member.status, MemberStatus::Active) {
			return Ok(None);
		}
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(GracePeriod::<T>::get());
		Self::schedule(until, Deadline::GraceEnd(who.clone())).map(Some)
	}

	/// Takes an ended guarantee off member `protege`'s list, putting them in grace if that
	/// leaves them short. The caller stores the record.
	fn lose_guarantor(protege: &T::AccountId, member: &mut MemberOf<T>, guarantor: &T::AccountId) {
		// A full deadline queue must not stall what ended the guarantee: the member then enters
		// grace without a scheduled end, and `end_grace` stays callable by anyone.
		let short = (member.guarantors.len() as u32).saturating_sub(1) < T::MinGuarantors::get();
		member.guarantors.retain(|g| g != guarantor);
		// An accused member's grace starts with its clock stopped.
		if short && member.status == MemberStatus::Active && T::Blocked::is_blocked(protege) {
			let left = GracePeriod::<T>::get();
			member.status = MemberStatus::GracePaused { left };
			Self::deposit_event(Event::GracePaused { member: protege.clone(), left });
			return;
		}
		let until = Self::schedule_grace_if_short(protege, member, 0).unwrap_or_else(|_| {
			Some(frame_system::Pallet::<T>::block_number().saturating_add(GracePeriod::<T>::get()))
		});
		if let Some(until) = until {
			member.status = MemberStatus::Grace { until };
			Self::deposit_event(Event::GraceStarted { member: protege.clone(), until });
		}
	}

	/// The account that keeps the admission fees paid for open applications.
	pub fn fee_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Whether `fee` may be a class's admission fee: none, or one a refund can always pay, up
	/// to the highest allowed.
	fn valid_fee(fee: BalanceOf<T>) -> bool {
		fee.is_zero()
			|| (fee >= <T::Currency as fungible::Inspect<_>>::minimum_balance()
				&& fee <= T::MaxAdmissionFee::get())
	}

	/// Whether `who` can pay `candidate`'s admission fee now (see [`Pallet::pay_fee`]).
	pub fn can_pay_fee(who: &T::AccountId, candidate: &T::AccountId, fee: BalanceOf<T>) -> bool {
		let preservation =
			if who == candidate { Preservation::Expendable } else { Preservation::Preserve };
		<T::Currency as fungible::Inspect<_>>::reducible_balance(
			who,
			preservation,
			Fortitude::Polite,
		) >= fee
	}

	/// The next membership number, taken.
	fn take_member_number() -> u32 {
		NextMemberNumber::<T>::mutate(|next| {
			let number = *next;
			next.saturating_inc();
			number
		})
	}

	/// Makes the candidate a member if they have accepted, have enough guarantees and their
	/// admission fee is paid (or none is due), paying the fee into the common fund; otherwise
	/// stores the application as it now is.
	fn admit_if_complete(candidate: T::AccountId, application: ApplicationOf<T>) -> DispatchResult {
		let complete = application.accepted
			&& application.guarantors.len() as u32 >= T::MinGuarantors::get()
			&& (application.fee.is_zero() || application.fee_paid_by.is_some());
		if !complete {
			Applications::<T>::insert(&candidate, application);
			return Ok(());
		}
		T::Fund::pay_in(&Self::fee_account(), application.fee, Inflow::AdmissionFee)?;
		Applications::<T>::remove(&candidate);
		let guarantors = application.guarantors.to_vec();
		let number = Self::take_member_number();
		MemberNumbers::<T>::insert(number, &candidate);
		Members::<T>::insert(
			&candidate,
			MemberRecord {
				class: application.class,
				number,
				since: frame_system::Pallet::<T>::block_number(),
				status: MemberStatus::Active,
				guarantors: application.guarantors,
				proteges: 0,
			},
		);
		Self::deposit_event(Event::MemberAdmitted {
			member: candidate,
			class: application.class,
			guarantors,
		});
		Ok(())
	}

	/// Releases every guarantee of a closed application, returns its fee to the payer, and
	/// forgets it (the caller has taken it from storage).
	fn close_application(candidate: &T::AccountId, application: ApplicationOf<T>) {
		for guarantor in &application.guarantors {
			Self::end_guarantee(guarantor, candidate);
		}
		if let Some(payer) = application.fee_paid_by {
			let refund = <T::Currency as fungible::Mutate<_>>::transfer(
				&Self::fee_account(),
				&payer,
				application.fee,
				Preservation::Expendable,
			);
			match refund {
				Ok(_) => Self::deposit_event(Event::AdmissionFeeRefunded {
					candidate: candidate.clone(),
					payer,
					amount: application.fee,
				}),
				// The fee is at least the existential deposit, so it reaches any account; should
				// it not, it stays in the pallet's account, which the invariants report.
				Err(error) => log::error!(
					target: LOG_TARGET,
					"admission fee of {candidate:?} not refunded to {payer:?}: {error:?}"
				),
			}
		}
		ClassUsers::<T>::mutate(application.class, |n| n.saturating_dec());
		Self::release_provider(candidate);
	}

	/// Ends one guarantee: releases its escrow, forgets the edge, frees the guarantor's slot.
	/// The protégé's own record is the caller's to update.
	fn end_guarantee(guarantor: &T::AccountId, protege: &T::AccountId) {
		if let Err(error) = T::Escrow::release(guarantor, protege) {
			// The escrow pallet keeps what it could not release: nothing is lost, and its own
			// invariants report the record.
			log::error!(
				target: LOG_TARGET,
				"escrow of {guarantor:?} for {protege:?} not released: {error:?}"
			);
		}
		Proteges::<T>::remove(guarantor, protege);
		Members::<T>::mutate(guarantor, |g| {
			if let Some(g) = g {
				g.proteges.saturating_dec();
			}
		});
	}

	fn release_provider(who: &T::AccountId) {
		if let Err(error) = frame_system::Pallet::<T>::dec_providers(who) {
			log::error!(target: LOG_TARGET, "provider of {who:?} not released: {error:?}");
		}
	}

	fn do_expire_application(candidate: &T::AccountId, now: BlockNumberFor<T>) -> DispatchResult {
		let application = Applications::<T>::get(candidate).ok_or(Error::<T>::NoApplication)?;
		ensure!(application.expires_at <= now, Error::<T>::ApplicationNotExpired);
		Applications::<T>::remove(candidate);
		Self::close_application(candidate, application);
		Self::deposit_event(Event::ApplicationExpired { candidate: candidate.clone() });
		Ok(())
	}

	fn do_end_grace(member: &T::AccountId, now: BlockNumberFor<T>) -> DispatchResult {
		let record = Members::<T>::get(member).ok_or(Error::<T>::NotMember)?;
		let MemberStatus::Grace { until } = record.status else {
			return Err(Error::<T>::NotInGrace.into());
		};
		ensure!(until <= now, Error::<T>::GraceNotOver);
		Self::depart(member, record, Departure::Lapsed);
		Ok(())
	}

	/// Ends the membership of `who`: every guarantee to them is released now (at most
	/// `MaxGuarantors`); the guarantees they gave end in pages (see [`Departing`]).
	fn depart(who: &T::AccountId, record: MemberOf<T>, reason: Departure) {
		for guarantor in &record.guarantors {
			Self::end_guarantee(guarantor, who);
			Self::deposit_event(Event::GuaranteeEnded {
				guarantor: guarantor.clone(),
				protege: who.clone(),
			});
		}
		Members::<T>::remove(who);
		Offers::<T>::remove(who);
		MemberNumbers::<T>::remove(record.number);
		GivenThisPeriod::<T>::remove(who);
		Seniors::<T>::mutate(|seniors| {
			if record.number < seniors.below {
				seniors.count.saturating_dec();
			}
		});
		ClassUsers::<T>::mutate(record.class, |n| n.saturating_dec());
		Self::release_provider(who);
		Self::deposit_event(Event::MemberDeparted { member: who.clone(), reason });
		// A lapse bars nobody; an expulsion bars its account for the readmission bar.
		if reason == Departure::Expelled {
			let until = frame_system::Pallet::<T>::block_number()
				.saturating_add(ReadmissionBar::<T>::get());
			Barred::<T>::insert(who, until);
			Self::deposit_event(Event::Barred { who: who.clone(), until });
		}
		if record.proteges > 0 {
			Departing::<T>::insert(who, record.proteges);
		} else {
			Self::deposit_event(Event::DepartureCompleted { member: who.clone() });
		}
	}

	/// Ends up to `max` guarantees given by `departed`; returns how many it ended.
	fn end_guarantees_given(departed: &T::AccountId, max: u32) -> u32 {
		let proteges: Vec<T::AccountId> =
			Proteges::<T>::iter_key_prefix(departed).take(max as usize).collect();
		for protege in &proteges {
			Self::end_guarantee(departed, protege);
			Self::deposit_event(Event::GuaranteeEnded {
				guarantor: departed.clone(),
				protege: protege.clone(),
			});
			if let Some(mut application) = Applications::<T>::get(protege) {
				application.guarantors.retain(|g| g != departed);
				Applications::<T>::insert(protege, application);
			} else if let Some(mut member) = Members::<T>::get(protege) {
				Self::lose_guarantor(protege, &mut member, departed);
				Members::<T>::insert(protege, member);
			}
		}
		let ended = proteges.len() as u32;
		let left = Departing::<T>::get(departed).unwrap_or_default().saturating_sub(ended);
		if left == 0 || Proteges::<T>::iter_key_prefix(departed).next().is_none() {
			Departing::<T>::remove(departed);
			Self::deposit_event(Event::DepartureCompleted { member: departed.clone() });
		} else {
			Departing::<T>::insert(departed, left);
		}
		ended
	}

	/// Ends up to `budget` guarantees of departed members; returns how many it ended.
	fn advance_departures(budget: u32) -> u32 {
		let mut ended = 0u32;
		while ended < budget {
			let Some(departed) = Departing::<T>::iter_keys().next() else { break };
			ended = ended.saturating_add(Self::end_guarantees_given(&departed, budget - ended));
		}
		ended
	}

	/// Makes `who` a member of a fresh class without guarantors, for other pallets' benchmark
	/// setups only.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn insert_member_for_benchmarks(who: &T::AccountId) {
		let class = ClassId::MAX;
		if !Classes::<T>::contains_key(class) {
			let name = BoundedVec::truncate_from(b"benchmarks".to_vec());
			let quantum = <T::Currency as fungible::Inspect<_>>::minimum_balance();
			Classes::<T>::insert(class, Class { name, quantum, fee: Zero::zero() });
		}
		// As admission does: the membership provides for the account, and counts in its class.
		frame_system::Pallet::<T>::inc_providers(who);
		ClassUsers::<T>::mutate(class, |n| n.saturating_inc());
		let number = Self::take_member_number();
		MemberNumbers::<T>::insert(number, who);
		// Of voting age at once, as founders are.
		Seniors::<T>::mutate(|seniors| {
			if seniors.below == number {
				seniors.below.saturating_inc();
				seniors.count.saturating_inc();
			}
		});
		Members::<T>::insert(
			who,
			MemberRecord {
				class,
				number,
				since: Zero::zero(),
				status: MemberStatus::Active,
				guarantors: BoundedVec::new(),
				proteges: 0,
			},
		);
	}

	/// Makes `who` a funded member guaranteed by `guarantors` (each made a member first if they
	/// are not, funded and escrowing the benchmark class's quantum), for other pallets'
	/// benchmark setups only. Keeps what `who` already guarantees.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn insert_guaranteed_member_for_benchmarks(
		who: &T::AccountId,
		guarantors: &[T::AccountId],
	) {
		use fungible::Mutate;
		if !Members::<T>::contains_key(who) {
			Self::insert_member_for_benchmarks(who);
		}
		let quantum = Classes::<T>::get(ClassId::MAX).map(|c| c.quantum).unwrap_or_default();
		let _ = T::Currency::mint_into(who, quantum.saturating_mul(1_000u32.into()));
		let Some(mut record) = Members::<T>::get(who) else { return };
		for guarantor in guarantors.iter().take(T::MaxGuarantors::get() as usize) {
			if !Members::<T>::contains_key(guarantor) {
				Self::insert_member_for_benchmarks(guarantor);
			}
			let _ = T::Currency::mint_into(guarantor, quantum.saturating_mul(1_000u32.into()));
			if record.guarantors.contains(guarantor)
				|| T::Escrow::lock(guarantor, who, quantum).is_err()
				|| record.guarantors.try_push(guarantor.clone()).is_err()
			{
				continue;
			}
			Proteges::<T>::insert(guarantor, who, BlockNumberFor::<T>::zero());
			Members::<T>::mutate(guarantor, |g| {
				if let Some(g) = g {
					g.proteges.saturating_inc();
				}
			});
		}
		Members::<T>::insert(who, record);
	}

	/// Expels `who` (the complaints pallet's verdict): the membership ends at once; the
	/// guarantees they gave end in pages and their protégés enter grace.
	pub fn expel(who: &T::AccountId) -> DispatchResult {
		let record = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		Self::depart(who, record, Departure::Expelled);
		Ok(())
	}

	/// Checks the pallet's invariants:
	/// - every guarantee edge joins a member or departing member (guarantor) to a member or
	///   candidate (protégé) that lists the guarantor;
	/// - every member's guarantor list and protégé count match the edges;
	/// - every member has at least `MinGuarantors` guarantors, or is in grace;
	/// - the class user counts match the members and applications;
	/// - every member is found by their number, and the electorate counts exactly the members
	///   numbered below its bound;
	/// - the safeguards lie within the runtime's bounds;
	/// - offers wait only for members, from members not yet guaranteeing them;
	/// - no barred account is a member.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut given: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut users: BTreeMap<ClassId, u32> = BTreeMap::new();
		for (guarantor, protege, _) in Proteges::<T>::iter() {
			ensure!(
				Members::<T>::contains_key(&guarantor) || Departing::<T>::contains_key(&guarantor),
				"a guarantee from a non-member"
			);
			let listed = match (Members::<T>::get(&protege), Applications::<T>::get(&protege)) {
				(Some(m), _) => m.guarantors.contains(&guarantor),
				(None, Some(a)) => a.guarantors.contains(&guarantor),
				(None, None) => false,
			};
			ensure!(listed, "a guarantee to a non-member the protégé does not list");
			*given.entry(guarantor).or_default() += 1;
		}
		let mut numbers = alloc::collections::btree_set::BTreeSet::new();
		let seniors = Seniors::<T>::get();
		let mut of_age = 0u32;
		for (who, member) in Members::<T>::iter() {
			ensure!(
				member.number < NextMemberNumber::<T>::get() && numbers.insert(member.number),
				"a membership number given twice or not yet given"
			);
			ensure!(
				MemberNumbers::<T>::get(member.number).as_ref() == Some(&who),
				"a member missing from the numbers"
			);
			if member.number < seniors.below {
				of_age += 1;
			}
			ensure!(
				member.proteges == given.get(&who).copied().unwrap_or_default(),
				"a member's protégé count differs from their guarantees"
			);
			for guarantor in &member.guarantors {
				ensure!(
					Proteges::<T>::contains_key(guarantor, &who),
					"a listed guarantee has no edge"
				);
			}
			ensure!(
				member.guarantors.len() as u32 >= T::MinGuarantors::get()
					|| member.status.in_grace(),
				"a member with too few guarantors is not in grace"
			);
			ensure!(
				!matches!(member.status, MemberStatus::GracePaused { .. })
					|| T::Blocked::is_blocked(&who),
				"a grace clock stopped for a member nobody accuses"
			);
			*users.entry(member.class).or_default() += 1;
		}
		let mut fees_paid = BalanceOf::<T>::zero();
		for (candidate, application) in Applications::<T>::iter() {
			ensure!(!Members::<T>::contains_key(&candidate), "a member with an open application");
			for guarantor in &application.guarantors {
				ensure!(
					Proteges::<T>::contains_key(guarantor, &candidate),
					"a listed guarantee has no edge"
				);
			}
			*users.entry(application.class).or_default() += 1;
			if application.fee_paid_by.is_some() {
				ensure!(!application.fee.is_zero(), "a fee paid where none is due");
				fees_paid = fees_paid.saturating_add(application.fee);
			}
		}
		// Anyone may send the pallet's account more; it never holds less than the fees it keeps.
		ensure!(
			<T::Currency as fungible::Inspect<_>>::balance(&Self::fee_account()) >= fees_paid,
			"the admission fees paid are not all held"
		);
		for (class, count) in ClassUsers::<T>::iter() {
			ensure!(users.get(&class).copied().unwrap_or_default() == count, "class users differ");
		}
		ensure!(Classes::<T>::count() <= T::MaxClasses::get(), "too many classes");
		ensure!(
			MemberNumbers::<T>::iter_keys().count() as u32 == Members::<T>::count(),
			"a number of a former member kept"
		);
		ensure!(
			seniors.below <= NextMemberNumber::<T>::get() && seniors.count == of_age,
			"the electorate differs from the members of voting age"
		);
		let (min, max) = T::SafeguardBounds::get();
		ensure!(CurrentSafeguards::<T>::get().within(&min, &max), "safeguards out of bounds");
		for who in Barred::<T>::iter_keys() {
			ensure!(!Members::<T>::contains_key(&who), "a barred member");
		}
		for (member, offers) in Offers::<T>::iter() {
			ensure!(Members::<T>::contains_key(&member), "an offer to a non-member");
			ensure!(
				offers.iter().all(|g| !Proteges::<T>::contains_key(g, &member)),
				"an offer from a guarantor already guaranteeing"
			);
		}
		Ok(())
	}
}

/// A guarantor who did not top the escrow back up after a compensation loses the guarantee:
/// it ends as a departure would end it, and the protégé enters grace if left short.
impl<T: Config> OnTopUpMissed<T::AccountId> for Pallet<T> {
	fn top_up_missed(guarantor: &T::AccountId, protege: &T::AccountId) {
		let Some(mut member) = Members::<T>::get(protege) else { return };
		if !member.guarantors.contains(guarantor) {
			return;
		}
		Self::end_guarantee(guarantor, protege);
		Self::deposit_event(Event::GuaranteeEnded {
			guarantor: guarantor.clone(),
			protege: protege.clone(),
		});
		Self::lose_guarantor(protege, &mut member, guarantor);
		Members::<T>::insert(protege, member);
	}
}

/// An accused member's grace clock stands still until their last case closes: a complaint is
/// never escaped by letting the membership lapse.
impl<T: Config> OnAccusation<T::AccountId> for Pallet<T> {
	fn accused(who: &T::AccountId) {
		let Some(mut member) = Members::<T>::get(who) else { return };
		let MemberStatus::Grace { until } = member.status else { return };
		let left = until.saturating_sub(frame_system::Pallet::<T>::block_number());
		member.status = MemberStatus::GracePaused { left };
		Members::<T>::insert(who, member);
		Self::deposit_event(Event::GracePaused { member: who.clone(), left });
	}

	fn cleared(who: &T::AccountId) {
		let Some(mut member) = Members::<T>::get(who) else { return };
		let MemberStatus::GracePaused { left } = member.status else { return };
		// At least the next block: this block's deadlines have been handled already.
		let due = frame_system::Pallet::<T>::block_number().saturating_add(left.max(One::one()));
		// A full deadline queue must not keep the case open: the grace then runs without a
		// scheduled end, and `end_grace` stays callable by anyone.
		let until = Self::schedule(due, Deadline::GraceEnd(who.clone())).unwrap_or(due);
		member.status = MemberStatus::Grace { until };
		Members::<T>::insert(who, member);
		Self::deposit_event(Event::GraceResumed { member: who.clone(), until });
	}
}

impl<T: Config> Expel<T::AccountId> for Pallet<T> {
	fn expel(who: &T::AccountId) -> DispatchResult {
		Self::expel(who)
	}

	fn forfeit_guarantee(guarantor: &T::AccountId, protege: &T::AccountId) -> DispatchResult {
		let mut member = Members::<T>::get(protege).ok_or(Error::<T>::NotMember)?;
		ensure!(member.guarantors.contains(guarantor), Error::<T>::NotGuarantor);
		Self::end_guarantee(guarantor, protege);
		Self::deposit_event(Event::GuaranteeForfeited {
			guarantor: guarantor.clone(),
			protege: protege.clone(),
		});
		Self::lose_guarantor(protege, &mut member, guarantor);
		Members::<T>::insert(protege, member);
		Ok(())
	}
}

impl<T: Config> synergy_primitives::GuaranteeAges<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn guarantors_before(who: &T::AccountId, before: BlockNumberFor<T>) -> Vec<T::AccountId> {
		let guarantors =
			Members::<T>::get(who).map(|m| m.guarantors.into_inner()).unwrap_or_default();
		guarantors
			.into_iter()
			.filter(|g| Proteges::<T>::get(g, who).is_some_and(|since| since < before))
			.collect()
	}
}

impl<T: Config> MembershipInspect<T::AccountId> for Pallet<T> {
	fn is_member(who: &T::AccountId) -> bool {
		Members::<T>::contains_key(who)
	}

	fn is_in_good_standing(who: &T::AccountId) -> bool {
		Members::<T>::contains_key(who) && !T::Blocked::is_blocked(who)
	}

	fn class_of(who: &T::AccountId) -> Option<ClassId> {
		Members::<T>::get(who).map(|m| m.class)
	}

	fn guarantors_of(who: &T::AccountId) -> Vec<T::AccountId> {
		Members::<T>::get(who).map(|m| m.guarantors.into_inner()).unwrap_or_default()
	}

	fn member_count() -> u32 {
		Members::<T>::count()
	}

	fn membership_number(who: &T::AccountId) -> Option<u32> {
		Members::<T>::get(who).map(|m| m.number)
	}

	fn next_membership_number() -> u32 {
		NextMemberNumber::<T>::get()
	}

	fn electorate() -> Electorate {
		Seniors::<T>::get()
	}

	fn proteges_of(who: &T::AccountId) -> Vec<T::AccountId> {
		Proteges::<T>::iter_key_prefix(who).take(T::MaxProteges::get() as usize).collect()
	}
}
